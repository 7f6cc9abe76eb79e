using System.Text.Json.Nodes;
using MlBuild.Core.Caching;
using MlBuild.Core.Caching.Remote;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Tests.Support;
using MlBuild.TestSupport.RemoteCaches;

namespace MlBuild.Core.Tests.Caching.Remote;

/// <summary>The remote cache protocol against a real HTTP server on 127.0.0.1 (the stand-in, with its scripted faults):
/// what is uploaded, in which order, what a fetch restores, and that no fault ever leaves a damaged entry behind.</summary>
public sealed class RemoteModelCacheTests : IAsyncLifetime
{
    private const string Fingerprint = "00112233445566778899aabbccddeeff";
    private readonly TestDirectory _directory = new();
    private CacheStandIn _server = null!;

    public async Task InitializeAsync() => _server = await CacheStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private static readonly RemoteCacheOptions Quick = new()
    {
        Timeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    private RemoteCacheSession Session(RemoteCacheOptions? options = null, Dictionary<string, string?>? environment = null,
        string? url = null, List<string>? progress = null)
    {
        var address = RemoteCacheAddress.Parse(url ?? _server.Url, out _)!;
        var session = new RemoteCacheSession(address, options ?? Quick,
            sink => RemoteCacheStores.OpenHttp(address, options ?? Quick, name => environment?.GetValueOrDefault(name), sink));
        if (progress is not null)
            session.Progress = line => { lock (progress) progress.Add(line); };
        return session;
    }

    /// <summary>A local cache holding one trained model with its profile.</summary>
    private ModelCache CacheWithModel(string name, string fingerprint = Fingerprint, int modelBytes = 200_000)
    {
        var cache = new ModelCache(_directory.File(name));
        var model = _directory.File($"{name}-model.zip");
        var content = new byte[modelBytes];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(model, content);
        var profile = _directory.Write($"{name}-profile.json", "{\"rows\": 150}");
        var entry = LockEntry.Complete(new JsonObject { ["fingerprint"] = fingerprint }, "LbfgsMaximumEntropy",
            ContentHash.OfFile(model), content.Length, new Dictionary<string, double> { ["MacroAccuracy"] = 0.95 }, 1.5,
            profile: (ContentHash.OfFile(profile), new FileInfo(profile).Length));
        Assert.True(cache.Store(fingerprint, model, entry, profile));
        return cache;
    }

    private ModelCache EmptyCache(string name) => new(_directory.File(name));

    private async Task PushAsync(ModelCache from)
    {
        using var session = Session();
        var pushed = await session.PushAsync(Fingerprint, from, CancellationToken.None);
        Assert.Null(pushed.Fault);
        Assert.Equal(RemotePushResult.Uploaded, pushed.Pushed);
    }

    private async Task<RemoteOutcome> FetchAsync(ModelCache into, RemoteCacheOptions? options = null, List<string>? progress = null)
    {
        using var session = Session(options, progress: progress);
        return (await session.FetchAsync([Fingerprint], into, CancellationToken.None)).Single();
    }

    /// <summary>No entry, no staging leftovers: what a fault must leave in the local cache.</summary>
    private static void AssertNothingLeft(ModelCache cache, string fingerprint = Fingerprint)
    {
        Assert.Equal(CacheLookupResult.Miss, cache.Find(fingerprint).Result);
        var staging = Path.Combine(cache.EntriesRoot, "staging");
        Assert.True(!Directory.Exists(staging) || Directory.GetFileSystemEntries(staging).Length == 0,
            string.Join(", ", Directory.Exists(staging) ? Directory.GetFileSystemEntries(staging) : []));
    }

    [Fact]
    public async Task A_pushed_entry_is_fetched_into_another_cache_byte_for_byte_with_its_manifest_uploaded_last()
    {
        var first = CacheWithModel("first");
        await PushAsync(first);

        var puts = _server.Requests.Where(r => r.Method == "PUT").Select(r => r.Path).ToList();
        Assert.Equal(3, puts.Count);
        Assert.All(puts.Take(2), p => Assert.StartsWith("cas/", p));
        Assert.Equal(RemoteCacheKeys.Manifest(Fingerprint), puts[^1]);
        Assert.Matches("^ac/[0-9a-f]{64}$", puts[^1]);

        var second = EmptyCache("second");
        var fetched = await FetchAsync(second);

        Assert.Equal(RemoteFetchResult.Restored, fetched.Fetched);
        var original = first.Find(Fingerprint);
        var restored = second.Find(Fingerprint);
        Assert.Equal(CacheLookupResult.Hit, restored.Result);
        Assert.Equal(File.ReadAllBytes(original.ModelPath!), File.ReadAllBytes(restored.ModelPath!));
        Assert.Equal(File.ReadAllBytes(original.ProfilePath!), File.ReadAllBytes(restored.ProfilePath!));
        Assert.Equal(original.Entry!.Json.ToJsonString(), restored.Entry!.Json.ToJsonString());
        AssertNothingLeft(second, "ffffffffffffffffffffffffffffffff");
    }

    [Fact]
    public async Task A_second_push_of_the_same_entry_asks_once_and_uploads_nothing()
    {
        var first = CacheWithModel("first");
        await PushAsync(first);
        var before = _server.Requests.Count;

        using var session = Session();
        var again = await session.PushAsync(Fingerprint, first, CancellationToken.None);

        Assert.Equal(RemotePushResult.AlreadyThere, again.Pushed);
        var requests = _server.Requests.Skip(before).ToList();
        Assert.Equal([("HEAD", RemoteCacheKeys.Manifest(Fingerprint))], requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task A_miss_is_one_GET_of_the_manifest()
    {
        var outcome = await FetchAsync(EmptyCache("empty"));

        Assert.Equal(RemoteFetchResult.Miss, outcome.Fetched);
        Assert.Null(outcome.Fault);
        Assert.Equal([("GET", RemoteCacheKeys.Manifest(Fingerprint), 404)], _server.Requests.Select(r => (r.Method, r.Path, r.Status)));
    }

    [Fact]
    public async Task A_server_that_refuses_HEAD_is_asked_with_GET()
    {
        _server.RefuseHead = true;
        var first = CacheWithModel("first");
        await PushAsync(first);

        Assert.Contains(_server.Requests, r => r.Method == "HEAD" && r.Status == 405);
        Assert.Contains(_server.Requests, r => r.Method == "GET" && r.Path.StartsWith("cas/", StringComparison.Ordinal) && r.Status == 404);
        Assert.Equal(RemoteFetchResult.Restored, (await FetchAsync(EmptyCache("second"))).Fetched);
    }

    [Fact]
    public async Task A_500_then_a_200_is_retried_and_restores()
    {
        await PushAsync(CacheWithModel("first"));
        _server.Enqueue("GET", "ac/", new CacheFault.Status(500));
        var progress = new List<string>();

        var outcome = await FetchAsync(EmptyCache("second"), progress: progress);

        Assert.Equal(RemoteFetchResult.Restored, outcome.Fetched);
        Assert.Contains(progress, line => line.Contains("500", StringComparison.Ordinal) && line.Contains("trying again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_waits_for_its_Retry_After_then_restores()
    {
        await PushAsync(CacheWithModel("first"));
        _server.Enqueue("GET", "ac/", new CacheFault.Status(429, RetryAfterSeconds: 1));
        var progress = new List<string>();

        var outcome = await FetchAsync(EmptyCache("second"), progress: progress);

        Assert.Equal(RemoteFetchResult.Restored, outcome.Fetched);
        Assert.Contains(progress, line => line.Contains("429", StringComparison.Ordinal) && line.Contains("in 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_bound_is_a_fault_at_once()
    {
        _server.Enqueue("GET", "ac/", new CacheFault.Status(503, RetryAfterSeconds: 3600));

        var outcome = await FetchAsync(EmptyCache("second"));

        Assert.Equal(RemoteFault.ServerError, outcome.Fault?.Fault);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Persistent_5xx_are_a_fault_after_the_bounded_retries_and_turn_the_remote_off()
    {
        _server.Always("GET", "ac/", new CacheFault.Status(502));
        using var session = Session();
        var into = EmptyCache("second");

        var first = (await session.FetchAsync([Fingerprint], into, CancellationToken.None)).Single();
        var later = (await session.FetchAsync(["ffffffffffffffffffffffffffffffff"], into, CancellationToken.None)).Single();

        Assert.Equal(RemoteFault.ServerError, first.Fault?.Fault);
        Assert.Equal(Quick.MaxAttempts, _server.Requests.Count);
        Assert.True(session.IsDisabled);
        Assert.True(later.Skipped);
        Assert.Equal(Quick.MaxAttempts, _server.Requests.Count);
        Assert.True(session.TryClaimWarning());
        Assert.False(session.TryClaimWarning());
    }

    [Fact]
    public async Task A_hang_past_the_timeout_is_a_fault_that_is_not_waited_for_twice()
    {
        _server.Enqueue("GET", "ac/", new CacheFault.Hang(TimeSpan.FromSeconds(30)));
        var options = Quick with { Timeout = TimeSpan.FromSeconds(1) };
        var into = EmptyCache("second");

        var outcome = await FetchAsync(into, options);

        Assert.Equal(RemoteFault.TimedOut, outcome.Fault?.Fault);
        Assert.Single(_server.Requests, r => r.Method == "GET");
        AssertNothingLeft(into);
    }

    [Fact]
    public async Task A_download_that_stalls_midway_is_a_fault_and_leaves_nothing()
    {
        await PushAsync(CacheWithModel("first"));
        var modelKey = _server.Blobs.Keys.First(k => k.StartsWith("cas/", StringComparison.Ordinal) && _server.Blobs[k].Length == 200_000);
        _server.Enqueue("GET", modelKey, new CacheFault.Hang(TimeSpan.FromSeconds(30)));
        var into = EmptyCache("second");

        var outcome = await FetchAsync(into, Quick with { Timeout = TimeSpan.FromSeconds(1) });

        Assert.NotNull(outcome.Fault);
        AssertNothingLeft(into);
    }

    [Fact]
    public async Task A_truncated_body_is_an_invalid_entry_and_leaves_nothing()
    {
        await PushAsync(CacheWithModel("first"));
        var modelKey = _server.Blobs.Keys.First(k => k.StartsWith("cas/", StringComparison.Ordinal) && _server.Blobs[k].Length == 200_000);
        _server.Enqueue("GET", modelKey, new CacheFault.Truncate(50_000));
        using var session = Session();
        var into = EmptyCache("second");

        var outcome = (await session.FetchAsync([Fingerprint], into, CancellationToken.None)).Single();

        Assert.True(RemoteFault.InvalidEntry == outcome.Fault?.Fault, $"{outcome} {string.Join("; ", _server.Requests)}");
        Assert.False(session.IsDisabled);
        AssertNothingLeft(into);
    }

    [Fact]
    public async Task A_body_that_does_not_hash_to_its_key_is_discarded()
    {
        await PushAsync(CacheWithModel("first"));
        var modelKey = _server.Blobs.Keys.First(k => k.StartsWith("cas/", StringComparison.Ordinal) && _server.Blobs[k].Length == 200_000);
        _server.Enqueue("GET", modelKey, new CacheFault.Corrupt());
        var into = EmptyCache("second");

        var outcome = await FetchAsync(into);

        Assert.Equal(RemoteFault.InvalidEntry, outcome.Fault?.Fault);
        Assert.Contains("does not hash to its key", outcome.Fault!.Message);
        AssertNothingLeft(into);
    }

    [Fact]
    public async Task A_manifest_whose_files_are_gone_is_an_incomplete_entry()
    {
        await PushAsync(CacheWithModel("first"));
        _server.Always("GET", "cas/", new CacheFault.Status(404));
        var into = EmptyCache("second");

        var outcome = await FetchAsync(into);

        Assert.Equal(RemoteFault.InvalidEntry, outcome.Fault?.Fault);
        Assert.Contains("incomplete", outcome.Fault!.Message);
        AssertNothingLeft(into);
    }

    [Fact]
    public async Task A_403_says_the_credentials_were_refused_and_how_to_set_them()
    {
        _server.Always("GET", "ac/", new CacheFault.Status(403));
        using var session = Session();

        var outcome = (await session.FetchAsync([Fingerprint], EmptyCache("second"), CancellationToken.None)).Single();

        Assert.Equal(RemoteFault.Refused, outcome.Fault?.Fault);
        Assert.Single(_server.Requests);
        var message = RemoteCacheStores.Describe(outcome.Fault!, session.Address);
        Assert.Contains("refused the credentials (403", message);
        Assert.Contains(RemoteCacheCredentials.TokenVariable, message);
    }

    [Fact]
    public async Task A_bearer_token_from_the_environment_is_sent()
    {
        _server.RequiredToken = "s3cr3t-token";
        var first = CacheWithModel("first");
        using var session = Session(environment: new() { [RemoteCacheCredentials.TokenVariable] = "s3cr3t-token" });

        var pushed = await session.PushAsync(Fingerprint, first, CancellationToken.None);

        Assert.Equal(RemotePushResult.Uploaded, pushed.Pushed);
        Assert.All(_server.Requests, r => Assert.Equal("Bearer s3cr3t-token", r.Authorization));
    }

    [Fact]
    public async Task A_stopped_server_is_unreachable_and_turns_the_remote_off()
    {
        await _server.StopAsync();
        using var session = Session();

        var outcomes = await session.FetchAsync([Fingerprint, "ffffffffffffffffffffffffffffffff"], EmptyCache("second"),
            CancellationToken.None);

        Assert.Contains(outcomes, o => o.Fault?.Fault == RemoteFault.Unreachable);
        Assert.True(session.IsDisabled);
    }

    [Fact]
    public async Task Several_misses_are_looked_up_concurrently()
    {
        var fingerprints = Enumerable.Range(0, 4).Select(i => $"{i:x2}" + new string('0', 30)).ToList();
        foreach (var fingerprint in fingerprints)
            _server.Enqueue("GET", RemoteCacheKeys.Manifest(fingerprint), new CacheFault.Hang(TimeSpan.FromMilliseconds(700)));
        using var session = Session(Quick with { Timeout = TimeSpan.FromSeconds(5) });

        var outcomes = await session.FetchAsync(fingerprints, EmptyCache("second"), CancellationToken.None);

        Assert.Equal(4, outcomes.Count);
        // Each lookup is held for 0.7 s by the server: in turn, it would never see two at once.
        Assert.True(_server.MaxConcurrentRequests >= 2, $"at most {_server.MaxConcurrentRequests} request at once");
    }
}
