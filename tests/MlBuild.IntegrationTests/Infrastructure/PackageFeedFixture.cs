using Xunit;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>
/// Packs MlBuild once per test run into a temporary feed, and gives every build an isolated NuGet package
/// folder, so that no test reads a stale MlBuild from the user's caches or writes to them.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    // Packs what the test run already built, instead of building everything again in another configuration.
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public PackageFeedFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlbuild-it-" + Guid.NewGuid().ToString("N")[..10]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["MLBUILD_CACHE_DIR"] = Path.Combine(Root, "unused-cache"),
        };

        var pack = ProcessRunner.Run("dotnet",
            ["pack", RepositoryPaths.PackageProject, "-c", Configuration, "-o", Feed, "-nodeReuse:false", "-tl:off"],
            RepositoryPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(10));
        if (pack.ExitCode != 0)
            throw new InvalidOperationException("Packing MlBuild failed:\n" + pack);
        Version = LocalPackageFeed.MlBuildVersionIn(Feed);
        // Projects live below Root: they restore MlBuild from the feed, and see nothing above the temporary folder.
        LocalPackageFeed.Isolate(Root, Feed, "mlbuild-test-feed");
    }

    public string Root { get; }
    public string Feed { get; }
    public string Version { get; }
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public void Dispose()
    {
        if (System.Environment.GetEnvironmentVariable("MLBUILD_KEEP_TEST_FILES") == "1")
            return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is in the temporary area anyway.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "Packed MlBuild";
}
