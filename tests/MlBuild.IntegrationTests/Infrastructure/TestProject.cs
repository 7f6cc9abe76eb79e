using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, ordinary .NET project in its own temporary folder that references the packed MlBuild, with its
/// own model cache. Every build is a real <c>dotnet build</c> with a binary log kept beside the project.
/// </summary>
public sealed class TestProject
{
    private readonly PackageFeedFixture _feed;
    private int _builds;
    private string _targetFrameworks = "net10.0";

    public TestProject(PackageFeedFixture feed, string name, string? cacheDirectory = null)
    {
        _feed = feed;
        Name = name;
        Directory = Path.Combine(feed.Root, "projects", $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
        System.IO.Directory.CreateDirectory(Directory);
        CacheDirectory = cacheDirectory ?? Path.Combine(feed.Root, "caches", Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>A copy of a sample of the repository (without its build outputs), built against the packed package.</summary>
    public static TestProject FromSample(PackageFeedFixture feed, string sample)
    {
        var source = Path.Combine(RepositoryPaths.Root, "samples", sample);
        var project = new TestProject(feed, sample);
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)
                || relative == "mlbuild.lock.json")
                continue;
            var target = project.PathOf(relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        // The sample pins the released version; the test builds against the package just packed.
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile)
            .Replace("Include=\"MlBuild\" Version=\"0.1.0\"", $"Include=\"MlBuild\" Version=\"{feed.Version}\""));
        return project;
    }

    public string Name { get; }
    public string Directory { get; }
    public string CacheDirectory { get; }
    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");
    public string LockFile => Path.Combine(Directory, "mlbuild.lock.json");
    /// <summary>Where the models land: the output folder of the (first) target framework.</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", _targetFrameworks.Split(';')[0]);

    public string ModelFile(string model) => Path.Combine(OutputDirectory, model + ".zip");

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Writes the project file: the MlBuild reference, then <paramref name="items"/> (MlModel items).</summary>
    public TestProject WithProject(string items, string outputType = "Library", string properties = "",
        string targetFrameworks = "net10.0")
    {
        _targetFrameworks = targetFrameworks;
        var frameworks = targetFrameworks.Contains(';')
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <OutputType>{outputType}</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MlBuild" Version="{_feed.Version}" />
              </ItemGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    /// <summary>Copies a test dataset file (path below TestData) into the project.</summary>
    public TestProject WithData(string dataset, string destination)
    {
        var target = PathOf(destination);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryPaths.TestData, dataset), target, overwrite: true);
        return this;
    }

    public TestProject WithFile(string relative, string content)
    {
        var target = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content);
        return this;
    }

    public BuildResult Build(params string[] arguments) => Run("build", arguments);

    public BuildResult Clean() => Run("clean", []);

    /// <summary>Builds, handing the running <c>dotnet build</c> process to <paramref name="whileRunning"/>.</summary>
    public BuildResult Build(Action<Process> whileRunning) => Run("build", [], whileRunning);

    public JsonObject ReadLock() => (JsonObject)JsonNode.Parse(File.ReadAllText(LockFile))!;

    public JsonObject LockEntry(string model) => (JsonObject)ReadLock()["models"]![model]!;

    /// <summary>The model folders in this project's cache (one per fingerprint).</summary>
    public IReadOnlyList<string> CacheEntries()
    {
        var root = Path.Combine(CacheDirectory, "v1");
        if (!System.IO.Directory.Exists(root))
            return [];
        return System.IO.Directory.GetDirectories(root)
            .Where(d => Path.GetFileName(d) != "staging")
            .SelectMany(System.IO.Directory.GetDirectories)
            .ToList();
    }

    private BuildResult Run(string verb, string[] arguments, Action<Process>? whileRunning = null)
    {
        var log = Path.Combine(Directory, "logs", $"{++_builds:00}-{verb}.binlog");
        var environment = new Dictionary<string, string?>(_feed.Environment)
        {
            ["MLBUILD_CACHE_DIR"] = CacheDirectory,
        };
        var result = ProcessRunner.Run("dotnet",
            [verb, ProjectFile, "-nodeReuse:false", "-tl:off", $"-bl:{log}", .. arguments],
            Directory, environment, TimeSpan.FromMinutes(8), whileRunning);
        return new BuildResult(result);
    }
}
