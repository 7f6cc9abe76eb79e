using Xunit;
using System.IO.Compression;
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
}
