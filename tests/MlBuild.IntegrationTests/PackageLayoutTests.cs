using Xunit;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using MlBuild.IntegrationTests.Infrastructure;

namespace MlBuild.IntegrationTests;

/// <summary>What the packed MlBuild package carries where: the tasks load into the MSBuild node beside every other
/// task package's, so their folder holds MlBuild's own assemblies and System.IO.Hashing only; Octokit and the data
/// readers ship with the mlbuild tool and the worker in tools/.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageLayoutTests(PackageFeedFixture feed)
{
    private IReadOnlyList<string> Entries()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"MlBuild.{feed.Version}.nupkg"));
        return [.. package.Entries.Select(e => e.FullName)];
    }

    private static IReadOnlyList<string> FilesIn(IEnumerable<string> entries, string folder) =>
        [.. entries.Where(e => e.StartsWith(folder, StringComparison.Ordinal)).Select(e => e[folder.Length..]).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_tasks_folder_holds_MlBuilds_own_assemblies_and_System_IO_Hashing_only()
    {
        var tasks = FilesIn(Entries(), "tasks/net10.0/");

        Assert.Equal(["MlBuild.Contracts.dll", "MlBuild.Core.dll", "MlBuild.GitHub.dll", "MlBuild.Tasks.dll", "System.IO.Hashing.dll"], tasks);
    }

    [Fact]
    public void The_tool_and_the_worker_ship_in_tools_with_what_they_load()
    {
        var tools = FilesIn(Entries(), "tools/net10.0/");

        Assert.Contains("MlBuild.Worker.dll", tools);
        Assert.Contains("mlbuild.dll", tools);
        Assert.Contains("mlbuild.deps.json", tools);
        Assert.Contains("mlbuild.runtimeconfig.json", tools);
        Assert.Contains("Octokit.dll", tools);
        Assert.Contains("MlBuild.GitHub.Posting.dll", tools);
        Assert.Contains("Parquet.dll", tools);
        Assert.Contains("AWSSDK.S3.dll", tools);
        Assert.Contains("Azure.Storage.Blobs.dll", tools);
        Assert.Contains("MlBuild.RemoteStores.dll", tools);
        Assert.Contains("MlBuild.Contracts.dll", tools);
        Assert.DoesNotContain(tools, name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal) || name.StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }

    /// <summary>The tool and the worker share tools/net10.0, so one copy of an assembly both use must be new enough
    /// for both: every assembly the tool's deps.json names must be there at that version or later (the worker's
    /// System.IO.Hashing, older than AWSSDK.Core's, once broke the packed tool's S3 and Azure caches while every test
    /// of the tool itself passed).</summary>
    [Fact]
    public void Every_assembly_the_tools_deps_file_names_ships_at_that_version_or_later()
    {
        const string depsFile = "mlbuild.deps.json";
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"MlBuild.{feed.Version}.nupkg"));
        var deps = JsonNode.Parse(Read(package, "tools/net10.0/" + depsFile))!;
        var libraries = deps["libraries"]!.AsObject();
        var checkedAssemblies = 0;
        foreach (var (library, target) in deps["targets"]!.AsObject().Single().Value!.AsObject())
        {
            if (libraries[library]?["type"]?.GetValue<string>() != "package")
                continue;
            // Windows' or macOS's own assets (System.Security.Cryptography.ProtectedData's): there, beside the rest.
            foreach (var (path, _) in target?["runtimeTargets"]?.AsObject() ?? [])
                Assert.True(package.GetEntry("tools/net10.0/" + path) is not null, $"{depsFile} names {path} of {library}; the package lacks it.");
            if (target?["runtime"] is not JsonObject runtime)
                continue;
            foreach (var (path, facts) in runtime)
            {
                var entry = "tools/net10.0/" + Path.GetFileName(path);
                Assert.True(package.GetEntry(entry) is not null, $"{depsFile} names {path} of {library}; the package has no {entry}.");
                var required = Version.Parse(facts!["assemblyVersion"]!.GetValue<string>());
                var shipped = AssemblyVersion(Read(package, entry));
                Assert.True(shipped >= required, $"{entry} is {shipped}; {depsFile} needs {required} ({library}).");
                checkedAssemblies++;
            }
        }
        Assert.True(checkedAssemblies > 5, $"{depsFile} named only {checkedAssemblies} package assemblies.");
    }

    private static byte[] Read(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Version AssemblyVersion(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        return reader.GetMetadataReader().GetAssemblyDefinition().Version;
    }
}
