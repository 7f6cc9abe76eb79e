using System.IO.Compression;
using MlBuild.IntegrationTests.Infrastructure;
using MlBuild.TestSupport.RemoteCaches;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// The remote cache on real builds: nginx with WebDAV PUT (Debian's package) as the team's cache server, and the cache
/// stand-in (Kestrel on 127.0.0.1) for the faults nginx cannot be made to have. Each project has its own local cache,
/// as two machines would.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class RemoteCacheTests(PackageFeedFixture feed)
{
    private const string IrisItems = """
        <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/iris-train.tsv" TestData="data/iris-test.tsv" />
        <MlModel Include="Iris3" Task="MulticlassClassification" TrainData="data/iris-train.tsv" TestData="data/iris-test.tsv" Seed="3" />
        """;

    private TestProject IrisProject(string items = IrisItems) =>
        new TestProject(feed, "RemoteIris")
            .WithProject(items)
            .WithData("iris/train.tsv", "data/iris-train.tsv")
            .WithData("iris/test.tsv", "data/iris-test.tsv");

    private static Dictionary<string, string?> Remote(string url, bool write = false, string? token = null) => new()
    {
        ["MLBUILD_REMOTE_CACHE"] = url,
        ["MLBUILD_REMOTE_CACHE_WRITE"] = write ? "true" : null,
        ["MLBUILD_REMOTE_CACHE_TOKEN"] = token,
    };

    /// <summary>The build trained its models, is green, and left a local cache and lock file that a next build trusts.</summary>
    private static void AssertTrainedLocallyAndIntact(TestProject project, BuildResult build)
    {
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Trained("Iris"), build.Output);
        Assert.True(build.Trained("Iris3"), build.Output);
        Assert.Equal(2, project.CacheEntries().Count);
        var again = project.Build();
        Assert.True(again.WasUpToDate("Iris") && again.WasUpToDate("Iris3"), again.Output);
    }

    [Fact]
    public void A_model_trained_and_uploaded_by_CI_is_restored_on_another_machine_without_training_and_byte_for_byte()
    {
        Assert.True(NginxCacheServer.IsInstalled, "nginx is missing: .ci/run installs it");
        using var nginx = NginxCacheServer.Start();
        var ci = IrisProject();

        var trained = ci.BuildWith(Remote(nginx.Url, write: true));

        Assert.True(trained.Succeeded, trained.ToString());
        Assert.True(trained.Trained("Iris") && trained.Uploaded("Iris") && trained.Uploaded("Iris3"), trained.Output);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(nginx.DataDirectory, "ac")).Length);

        // Another machine: a fresh copy of the project with its own, empty local cache, reading only.
        var developer = IrisProject();
        var restored = developer.BuildWith(Remote(nginx.Url));

        Assert.True(restored.Succeeded, restored.ToString());
        Assert.True(restored.RestoredFromRemote("Iris") && restored.RestoredFromRemote("Iris3"), restored.Output);
        Assert.False(restored.Trained("Iris") || restored.Trained("Iris3"), restored.Output);
        Assert.False(restored.Uploaded("Iris"), restored.Output);
        Assert.Equal(File.ReadAllBytes(ci.ModelFile("Iris")), File.ReadAllBytes(developer.ModelFile("Iris")));
        Assert.Equal(File.ReadAllBytes(ci.ModelFile("Iris3")), File.ReadAllBytes(developer.ModelFile("Iris3")));
        Assert.Equal(File.ReadAllText(ci.LockFile), File.ReadAllText(developer.LockFile));
        Assert.Equal(2, developer.CacheEntries().Count);

        // Up to date: not one request to the remote.
        var requestsBefore = nginx.AccessLog.Count;
        var upToDate = developer.BuildWith(Remote(nginx.Url));
        Assert.True(upToDate.WasUpToDate("Iris") && upToDate.WasUpToDate("Iris3"), upToDate.Output);
        Assert.Equal(requestsBefore, nginx.AccessLog.Count);

        // A local hit (the model deleted from the output folder): restored from the local cache, no request either.
        File.Delete(developer.ModelFile("Iris"));
        var localHit = developer.BuildWith(Remote(nginx.Url));
        Assert.True(localHit.Restored("Iris"), localHit.Output);
        Assert.Equal(requestsBefore, nginx.AccessLog.Count);
    }

    [Fact]
    public void On_S3_the_build_uploads_and_restores_through_the_mlbuild_tool()
    {
        using var s3 = S3rverServer.Start();
        var environment = new Dictionary<string, string?>(s3.Credentials)
        {
            ["MLBUILD_REMOTE_CACHE"] = $"s3://{S3rverServer.Bucket}/mlbuild",
        };
        UploadsFromOneProjectAndRestoresInAnother(environment, $"-p:MlBuildRemoteCacheEndpoint={s3.Endpoint}");
    }

    [Fact]
    public void On_Azure_Blob_Storage_the_build_uploads_and_restores_through_the_mlbuild_tool()
    {
        using var azurite = AzuriteServer.Start();
        UploadsFromOneProjectAndRestoresInAnother(new Dictionary<string, string?>
        {
            ["MLBUILD_REMOTE_CACHE"] = "azure://mlbuild-cache/team",
            ["AZURE_STORAGE_CONNECTION_STRING"] = azurite.ConnectionString,
        });
    }

    /// <summary>The CI project trains and uploads; a developer's project with its own empty cache restores both
    /// models without training, byte for byte, with no warning.</summary>
    private void UploadsFromOneProjectAndRestoresInAnother(Dictionary<string, string?> environment, params string[] arguments)
    {
        var ci = IrisProject();
        var trained = ci.BuildWith(new Dictionary<string, string?>(environment) { ["MLBUILD_REMOTE_CACHE_WRITE"] = "true" },
            arguments);
        Assert.True(trained.Succeeded, trained.ToString());
        Assert.True(trained.Uploaded("Iris") && trained.Uploaded("Iris3"), trained.Output);

        var developer = IrisProject();
        var restored = developer.BuildWith(environment, arguments);
        Assert.True(restored.Succeeded, restored.ToString());
        Assert.True(restored.RestoredFromRemote("Iris") && restored.RestoredFromRemote("Iris3"), restored.Output);
        Assert.False(restored.Trained("Iris") || restored.Trained("Iris3"), restored.Output);
        Assert.Equal(File.ReadAllBytes(ci.ModelFile("Iris")), File.ReadAllBytes(developer.ModelFile("Iris")));
        Assert.Equal(File.ReadAllBytes(ci.ModelFile("Iris3")), File.ReadAllBytes(developer.ModelFile("Iris3")));
        Assert.Empty(restored.Diagnostics("warning"));
    }

    [Fact]
    public async Task A_remote_that_answers_500_every_time_is_one_warning_then_the_models_train()
    {
        await using var server = await CacheStandIn.StartAsync();
        server.Always("GET", "", new CacheFault.Status(500));
        var project = IrisProject();

        var build = project.BuildWith(Remote(server.Url));

        var warning = Assert.Single(build.Diagnostics("warning"), d => d.Code.StartsWith("MLB401", StringComparison.Ordinal));
        Assert.Equal("MLB4010", warning.Code);
        Assert.Contains("answered 500", warning.Message);
        Assert.Contains(server.Url.TrimEnd('/'), warning.Message);
        // Both models are looked up at once, each retried up to the bound (3 attempts), and nothing after that.
        Assert.InRange(server.Requests.Count, 1, 6);
        AssertTrainedLocallyAndIntact(project, build);
    }

    [Fact]
    public async Task A_stopped_remote_is_one_warning_then_the_models_train()
    {
        var server = await CacheStandIn.StartAsync();
        var url = server.Url;
        await server.DisposeAsync();
        var project = IrisProject();

        var build = project.BuildWith(Remote(url));

        var warning = Assert.Single(build.Diagnostics("warning"), d => d.Code.StartsWith("MLB401", StringComparison.Ordinal));
        Assert.Equal("MLB4010", warning.Code);
        Assert.Contains("cannot be reached", warning.Message);
        AssertTrainedLocallyAndIntact(project, build);
    }

    [Fact]
    public async Task Refused_credentials_say_how_to_set_them_and_the_models_train()
    {
        await using var server = await CacheStandIn.StartAsync();
        server.Always("GET", "", new CacheFault.Status(403));
        var project = IrisProject();

        var build = project.BuildWith(Remote(server.Url));

        var warning = Assert.Single(build.Diagnostics("warning"), d => d.Code.StartsWith("MLB401", StringComparison.Ordinal));
        Assert.Equal("MLB4011", warning.Code);
        Assert.Contains("MLBUILD_REMOTE_CACHE_TOKEN", warning.Message);
        AssertTrainedLocallyAndIntact(project, build);
    }

    [Fact]
    public async Task A_remote_entry_with_the_wrong_content_is_discarded_and_the_model_trains()
    {
        await using var server = await CacheStandIn.StartAsync();
        var ci = IrisProject();
        Assert.True(ci.BuildWith(Remote(server.Url, write: true)).Succeeded);
        server.Always("GET", "cas/", new CacheFault.Corrupt());
        var project = IrisProject();

        var build = project.BuildWith(Remote(server.Url));

        var warning = Assert.Single(build.Diagnostics("warning"), d => d.Code.StartsWith("MLB401", StringComparison.Ordinal));
        Assert.Equal("MLB4012", warning.Code);
        Assert.Contains("does not hash to its key", warning.Message);
        Assert.False(build.RestoredFromRemote("Iris") || build.RestoredFromRemote("Iris3"), build.Output);
        AssertTrainedLocallyAndIntact(project, build);
        Assert.Equal(File.ReadAllBytes(ci.ModelFile("Iris")), File.ReadAllBytes(project.ModelFile("Iris")));
    }

    [Fact]
    public async Task A_remote_that_hangs_past_the_timeout_is_one_warning_then_the_models_train()
    {
        await using var server = await CacheStandIn.StartAsync();
        server.Always("GET", "", new CacheFault.Hang(TimeSpan.FromSeconds(60)));
        var project = IrisProject();

        var build = project.BuildWith(Remote(server.Url), "-p:MlBuildRemoteCacheTimeout=2");

        var warning = Assert.Single(build.Diagnostics("warning"), d => d.Code.StartsWith("MLB401", StringComparison.Ordinal));
        Assert.Equal("MLB4010", warning.Code);
        Assert.Contains("did not answer", warning.Message);
        AssertTrainedLocallyAndIntact(project, build);
    }

    [Fact]
    public async Task The_remote_caches_token_appears_in_no_log_binlog_lock_file_or_cache_entry()
    {
        const string Secret = "mlb-secret-7f3a9c2e41d0";
        await using var server = await CacheStandIn.StartAsync();
        server.RequiredToken = Secret;
        var project = IrisProject();

        var build = project.BuildWith(Remote(server.Url, write: true, token: Secret), "-v:diag");

        Assert.True(build.Succeeded, build.Process.Tail());
        Assert.True(build.Uploaded("Iris"), "the token was not used: nothing was uploaded");
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Secret, r.Authorization));
        Assert.DoesNotContain(Secret, build.Output);
        var binlog = project.LastBinaryLog;
        Assert.False(ContainsBytes(Decompressed(binlog), System.Text.Encoding.UTF8.GetBytes(Secret)), "the binary log holds the secret");
        var replay = project.PathOf("logs/replay.log");
        var replayed = ProcessRunner.Run("dotnet", ["msbuild", binlog, "-noconlog", $"-flp:logfile={replay};verbosity=diagnostic"],
            project.Directory, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        Assert.True(replayed.Succeeded && new FileInfo(replay).Length > 100_000, replayed.ToString());
        Assert.DoesNotContain(Secret, File.ReadAllText(replay));
        foreach (var file in Directory.GetFiles(project.Directory, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".binlog", StringComparison.Ordinal))
                     .Concat(Directory.GetFiles(project.CacheDirectory, "*", SearchOption.AllDirectories)))
            Assert.False(ContainsBytes(File.ReadAllBytes(file), System.Text.Encoding.UTF8.GetBytes(Secret)), $"{file} holds the secret");
        Assert.All(server.Blobs.Values, blob =>
            Assert.False(ContainsBytes(blob, System.Text.Encoding.UTF8.GetBytes(Secret)), "a remote entry holds the secret"));
    }

    [Fact]
    public void MlBuildModels_builds_only_the_named_models_and_keeps_the_others_lock_entries()
    {
        var project = IrisProject();

        var first = project.Build("-p:MlBuildModels=Iris");
        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.Trained("Iris") && !first.Trained("Iris3"), first.Output);
        Assert.Equal(["Iris"], project.ReadLock()["models"]!.AsObject().Select(m => m.Key));

        var second = project.Build("-p:MlBuildModels=Iris3");
        Assert.True(second.Succeeded, second.ToString());
        Assert.True(second.Trained("Iris3") && !second.Trained("Iris") && !second.WasUpToDate("Iris"), second.Output);
        Assert.Equal(["Iris", "Iris3"], project.ReadLock()["models"]!.AsObject().Select(m => m.Key));

        var unknown = project.Build("-p:MlBuildModels=Taxi");
        Assert.False(unknown.Succeeded);
        var error = Assert.Single(unknown.Diagnostics());
        Assert.Equal("MLB4014", error.Code);
        Assert.Contains("Its models are: Iris, Iris3", error.Message);
    }

    /// <summary>A binary log is a gzip stream of records whose strings are UTF-8.</summary>
    private static byte[] Decompressed(string binlog)
    {
        using var input = new GZipStream(File.OpenRead(binlog), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static bool ContainsBytes(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
