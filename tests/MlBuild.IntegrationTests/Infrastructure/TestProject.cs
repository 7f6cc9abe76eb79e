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

    public TestProject(PackageFeedFixture feed, string name, string? cacheDirectory = null, string? directory = null)
    {
        _feed = feed;
        Name = name;
        Directory = directory ?? Path.Combine(feed.Root, "projects", $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
        System.IO.Directory.CreateDirectory(Directory);
        CacheDirectory = cacheDirectory ?? Path.Combine(feed.Root, "caches", Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>A clone of this project's repository (as CI checks out a pull request), sharing its model cache
    /// unless told otherwise.</summary>
    public TestProject Clone(string branch, int depth, string? cacheDirectory = null)
    {
        var target = Path.Combine(_feed.Root, "projects", $"{Name}-clone-{Guid.NewGuid().ToString("N")[..8]}");
        var result = ProcessRunner.Run("git", ["clone", "-q", "--depth", depth.ToString(), "--branch", branch, "file://" + Directory, target],
            _feed.Root, GitEnvironment, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
            throw new InvalidOperationException("git clone failed: " + result);
        return new TestProject(_feed, Name, cacheDirectory ?? CacheDirectory, target) { _targetFrameworks = _targetFrameworks };
    }

    /// <summary>The 1-based line of the first line of the project file that contains <paramref name="text"/>.</summary>
    public int LineOf(string text) =>
        Array.FindIndex(File.ReadAllLines(ProjectFile), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    /// <summary>MlBuild's work folder of this project (evaluation.json, report.md).</summary>
    public string IntermediateFile(string name) => Path.Combine(Directory, "obj", "Debug", _targetFrameworks.Split(';')[0], "mlbuild", name);

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

    /// <summary><c>dotnet build</c> with extra environment variables (a remote cache's, its credentials).</summary>
    public BuildResult BuildWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Run("build", arguments, environment: environment);

    /// <summary>The binary log of the last build.</summary>
    public string LastBinaryLog => Path.Combine(Directory, "logs", $"{_builds:00}-build.binlog");

    /// <summary><c>dotnet build -t:Evaluate</c>, with extra environment variables (e.g. GitHub Actions').</summary>
    public BuildResult Evaluate(IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments) =>
        Run("build", ["-t:Evaluate", .. arguments], environment: environment);

    /// <summary>Runs git in the project folder, which is made a repository of its own on first use.</summary>
    public string Git(params string[] arguments)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, ".git")))
        {
            RunGit("init", "-q", "-b", "main");
            RunGit("config", "user.email", "tests@mlbuild.invalid");
            RunGit("config", "user.name", "MlBuild tests");
            File.WriteAllText(Path.Combine(Directory, ".gitignore"), "bin/\nobj/\nlogs/\n");
        }
        return RunGit(arguments);
    }

    /// <summary>Commits everything in the project folder.</summary>
    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    private string RunGit(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Directory, GitEnvironment, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        return result.Output;
    }

    /// <summary>Git must not read the user's configuration: the tests' repositories are their own.</summary>
    private static readonly IReadOnlyDictionary<string, string?> GitEnvironment = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

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
        // Model entries live in two-character shard folders; staging/ and evaluations/ hold other things.
        return System.IO.Directory.GetDirectories(root)
            .Where(d => Path.GetFileName(d).Length == 2)
            .SelectMany(System.IO.Directory.GetDirectories)
            .ToList();
    }

    private BuildResult Run(string verb, string[] arguments, Action<Process>? whileRunning = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var log = Path.Combine(Directory, "logs", $"{++_builds:00}-{verb}.binlog");
        var buildEnvironment = new Dictionary<string, string?>(_feed.Environment)
        {
            ["MLBUILD_CACHE_DIR"] = CacheDirectory,
            // Builds run git to find the baseline: never with the user's configuration.
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            // A test runs inside whatever CI runs it: only the variables a test sets say it is GitHub Actions.
            ["GITHUB_ACTIONS"] = null,
            ["GITHUB_BASE_REF"] = null,
            ["GITHUB_TOKEN"] = null,
            ["GITHUB_EVENT_NAME"] = null,
            ["GITHUB_EVENT_PATH"] = null,
            ["GITHUB_STEP_SUMMARY"] = null,
            ["GITHUB_REPOSITORY"] = null,
            ["GITHUB_API_URL"] = null,
            ["GITHUB_SERVER_URL"] = null,
            ["GITHUB_WORKSPACE"] = null,
            ["GITHUB_WORKFLOW"] = null,
            ["GITHUB_RUN_ID"] = null,
            ["GITHUB_RUN_ATTEMPT"] = null,
            ["GITHUB_SHA"] = null,
            // Nor do a remote cache and its credentials reach a test's build unless the test sets them.
            ["MLBUILD_REMOTE_CACHE"] = null,
            ["MLBUILD_REMOTE_CACHE_WRITE"] = null,
            ["MLBUILD_REMOTE_CACHE_TOKEN"] = null,
            ["MLBUILD_REMOTE_CACHE_USERNAME"] = null,
            ["MLBUILD_REMOTE_CACHE_PASSWORD"] = null,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            buildEnvironment[key] = value;
        var result = ProcessRunner.Run("dotnet",
            [verb, ProjectFile, "-nodeReuse:false", "-tl:off", $"-bl:{log}", .. arguments],
            Directory, buildEnvironment, TimeSpan.FromMinutes(8), whileRunning);
        return new BuildResult(result);
    }
}
