using MlBuild.Core.Caching;
using MlBuild.Core.Caching.Remote;
using MlBuild.TestSupport.RemoteCaches;

namespace MlBuild.Tool.Tests;

/// <summary><c>mlbuild cache</c> as people and the build run it: the local cache's show, trim and clear, and push and
/// fetch against a real S3-compatible server (s3rver) and a real HTTP cache (the stand-in).</summary>
public sealed class CacheCommandTests : IDisposable
{
    private const string Fingerprint = "0123456789abcdef0123456789abcdef";
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment,
        params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Program.RunAsync(args, environment, output);
        return (exitCode, output.ToString());
    }

    /// <summary>A local cache with one model of <paramref name="bytes"/> random bytes.</summary>
    private string CacheWithModel(string name, int bytes, string fingerprint = Fingerprint)
    {
        var root = _directory.File(name);
        CacheEntries.StoreRandomModel(root, fingerprint, bytes, _directory.File($"{name}-{fingerprint}.zip"), seed: 11);
        return root;
    }

    [Fact]
    public async Task An_entry_pushed_to_S3_in_parts_is_fetched_into_another_cache_byte_for_byte()
    {
        using var s3 = S3rverServer.Start();
        var environment = new Dictionary<string, string?>(s3.Credentials);
        // Above the 16 MB threshold: uploaded in parts.
        var first = CacheWithModel("first", 20 * 1024 * 1024);
        var remote = $"s3://{S3rverServer.Bucket}/team/models";

        var pushed = await RunAsync(environment, "cache", "push", "--cache-dir", first, "--remote", remote, "--endpoint", s3.Endpoint, Fingerprint);
        Assert.True(pushed.ExitCode == 0 && pushed.Output.Contains("uploaded to s3://mlbuild-cache/team/models", StringComparison.Ordinal), pushed.Output);

        var second = _directory.File("second");
        var fetched = await RunAsync(environment, "cache", "fetch", "--cache-dir", second, "--remote", remote, "--endpoint", s3.Endpoint, Fingerprint);
        Assert.True(fetched.ExitCode == 0 && fetched.Output.Contains("restored from", StringComparison.Ordinal), fetched.Output);

        var original = new ModelCache(first).Find(Fingerprint);
        var restored = new ModelCache(second).Find(Fingerprint);
        Assert.Equal(CacheLookupResult.Hit, restored.Result);
        Assert.Equal(File.ReadAllBytes(original.ModelPath!), File.ReadAllBytes(restored.ModelPath!));

        var again = await RunAsync(environment, "cache", "push", "--cache-dir", first, "--remote", remote, "--endpoint", s3.Endpoint, Fingerprint);
        Assert.Contains("already", again.Output);
    }

    [Fact]
    public async Task An_entry_pushed_to_Azure_Blob_Storage_in_blocks_is_fetched_into_another_cache_byte_for_byte()
    {
        using var azurite = AzuriteServer.Start();
        var environment = new Dictionary<string, string?> { ["AZURE_STORAGE_CONNECTION_STRING"] = azurite.ConnectionString };
        var first = CacheWithModel("first", 20 * 1024 * 1024);
        const string Remote = "azure://mlbuild-cache/team";

        var pushed = await RunAsync(environment, "cache", "push", "--cache-dir", first, "--remote", Remote, Fingerprint);
        Assert.True(pushed.ExitCode == 0 && pushed.Output.Contains("uploaded to azure://mlbuild-cache/team", StringComparison.Ordinal), pushed.Output);

        var second = _directory.File("second");
        var fetched = await RunAsync(environment, "cache", "fetch", "--cache-dir", second, "--remote", Remote, Fingerprint);
        Assert.True(fetched.ExitCode == 0 && fetched.Output.Contains("restored from", StringComparison.Ordinal), fetched.Output);
        Assert.Equal(File.ReadAllBytes(new ModelCache(first).Find(Fingerprint).ModelPath!),
            File.ReadAllBytes(new ModelCache(second).Find(Fingerprint).ModelPath!));

        var missing = await RunAsync(environment, "cache", "fetch", "--cache-dir", _directory.File("third"), "--remote",
            "azure://never-written", Fingerprint);
        Assert.Contains("not in azure://never-written", missing.Output);

        var noCredentials = await RunAsync(new Dictionary<string, string?>(), "cache", "fetch", "--cache-dir", second, "--remote", Remote, Fingerprint);
        Assert.Contains("warning MLB4011", noCredentials.Output);
        Assert.Contains("AZURE_STORAGE_CONNECTION_STRING", noCredentials.Output);
    }

    [Fact]
    public async Task The_builds_outcome_lines_say_miss_and_fault_without_a_warning_of_the_tools_own()
    {
        using var s3 = S3rverServer.Start();
        var miss = await RunAsync(s3.Credentials, "cache", "fetch", "--outcomes", "--cache-dir", _directory.File("empty"),
            "--remote", $"s3://{S3rverServer.Bucket}", "--endpoint", s3.Endpoint, Fingerprint);
        Assert.True(RemoteOutcomeLine.TryParse(miss.Output.Trim().Split('\n').Last().Trim(), out var outcome), miss.Output);
        Assert.Equal(RemoteFetchResult.Miss, outcome!.Fetched);

        var wrongKey = new Dictionary<string, string?>(s3.Credentials) { ["AWS_ACCESS_KEY_ID"] = "NOT-S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "wrong" };
        var refused = await RunAsync(wrongKey, "cache", "fetch", "--outcomes", "--cache-dir", _directory.File("empty"),
            "--remote", $"s3://{S3rverServer.Bucket}", "--endpoint", s3.Endpoint, Fingerprint);
        var line = refused.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("mlbuild-remote-outcome", StringComparison.Ordinal));
        Assert.True(RemoteOutcomeLine.TryParse(line, out var fault));
        Assert.Equal(RemoteFault.Refused, fault!.Fault?.Fault);
        Assert.DoesNotContain("warning MLB", refused.Output);
    }

    [Fact]
    public async Task Push_without_fingerprints_uploads_the_lock_files_models_from_the_local_cache()
    {
        await using var server = await CacheStandIn.StartAsync();
        var cache = CacheWithModel("local", 5000);
        var lockFile = _directory.Write("mlbuild.lock.json", $$"""{ "version": 1, "models": { "Taxi": { "fingerprint": "{{Fingerprint}}" }, "Gone": { "fingerprint": "ffffffffffffffffffffffffffffffff" } } }""");

        var pushed = await RunAsync(new Dictionary<string, string?>(), "cache", "push", "--cache-dir", cache, "--remote", server.Url, "--lock-file", lockFile);

        Assert.Equal(0, pushed.ExitCode);
        Assert.Contains("Taxi: uploaded to", pushed.Output);
        Assert.Contains("Gone: not in the local cache", pushed.Output);
        Assert.Contains(server.Blobs.Keys, k => k == RemoteCacheKeys.Manifest(Fingerprint));
    }

    [Fact]
    public async Task Show_lists_the_entries_trim_keeps_those_in_use_and_clear_force_removes_everything()
    {
        var cache = CacheWithModel("local", 3000);
        CacheWithModel("local", 3000, "fedcba9876543210fedcba9876543210");
        var old = new ModelCache(cache).EntryDirectory(Fingerprint);
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-3));
        var none = new Dictionary<string, string?>();

        var show = await RunAsync(none, "cache", "show", "--cache-dir", cache);
        Assert.Contains("2 entries", show.Output);
        Assert.Contains(Fingerprint, show.Output);

        var trim = await RunAsync(none, "cache", "trim", "--cache-dir", cache, "--max-size", "1KB");
        Assert.Contains("Removed 1 entry", trim.Output);
        Assert.Contains("used in the last 30 minutes", trim.Output);
        Assert.False(Directory.Exists(old));

        var clear = await RunAsync(none, "cache", "clear", "--cache-dir", cache);
        Assert.Contains("Kept 1", clear.Output);
        var forced = await RunAsync(none, "cache", "clear", "--cache-dir", cache, "--force");
        Assert.Contains("Removed 1 entry", forced.Output);
        Assert.Empty(CacheInventory.Read(new ModelCache(cache)));

        var bad = await RunAsync(none, "cache", "trim", "--cache-dir", cache, "--max-size", "lots");
        Assert.Equal(2, bad.ExitCode);
    }
}
