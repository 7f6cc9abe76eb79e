using System.Text.Json.Nodes;
using MlBuild.Core.Caching;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests;

public sealed class ModelCacheTests : IDisposable
{
    private const string Fingerprint = "0123456789abcdef0123456789abcdef";
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private (string Model, LockEntry Entry) TrainedModel(string content = "model bytes")
    {
        var model = _directory.Write("trained.zip", content);
        var entry = LockEntry.Complete(new JsonObject { ["fingerprint"] = Fingerprint }, "FastTree",
            ContentHash.OfFile(model), new FileInfo(model).Length, new Dictionary<string, double>(), 1);
        return (model, entry);
    }

    [Fact]
    public void A_stored_model_is_found_and_verified()
    {
        var cache = new ModelCache(_directory.File("cache"));
        var (model, entry) = TrainedModel();

        Assert.Equal(CacheLookupResult.Miss, cache.Find(Fingerprint).Result);
        Assert.True(cache.Store(Fingerprint, model, entry));
        var lookup = cache.Find(Fingerprint);

        Assert.Equal(CacheLookupResult.Hit, lookup.Result);
        Assert.Equal("model bytes", File.ReadAllText(lookup.ModelPath!));
        Assert.Equal(entry.ModelHash, lookup.Entry!.ModelHash);
    }

    [Fact]
    public void A_damaged_entry_is_reported_and_removed()
    {
        var cache = new ModelCache(_directory.File("cache"));
        var (model, entry) = TrainedModel();
        cache.Store(Fingerprint, model, entry);
        File.WriteAllText(Path.Combine(cache.EntryDirectory(Fingerprint), "model.zip"), "model bytez");

        Assert.Equal(CacheLookupResult.Corrupt, cache.Find(Fingerprint).Result);
        Assert.False(Directory.Exists(cache.EntryDirectory(Fingerprint)));
        Assert.Equal(CacheLookupResult.Miss, cache.Find(Fingerprint).Result);
    }

    [Fact]
    public void An_entry_with_unreadable_metadata_is_damaged()
    {
        var cache = new ModelCache(_directory.File("cache"));
        var (model, entry) = TrainedModel();
        cache.Store(Fingerprint, model, entry);
        File.WriteAllText(Path.Combine(cache.EntryDirectory(Fingerprint), "entry.json"), "{");

        Assert.Equal(CacheLookupResult.Corrupt, cache.Find(Fingerprint).Result);
    }

    [Fact]
    public void Builds_storing_the_same_model_at_once_leave_one_valid_entry()
    {
        var root = _directory.File("cache");
        var (model, entry) = TrainedModel();

        var stored = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => new ModelCache(root).Store(Fingerprint, model, entry)).ToList();

        Assert.Equal(1, stored.Count(s => s));
        Assert.Equal(CacheLookupResult.Hit, new ModelCache(root).Find(Fingerprint).Result);
        Assert.Empty(Directory.GetDirectories(Path.Combine(root, "v1", "staging")));
    }

    [Fact]
    public void The_cache_folder_comes_from_the_property_then_the_environment_then_the_home_folder()
    {
        string? Environment(string name) => name == ModelCache.EnvironmentVariable ? "/from/environment" : null;
        string? NoEnvironment(string name) => null;

        Assert.Equal("/from/property", ModelCache.ResolveRoot("/from/property", Environment));
        Assert.Equal("/from/environment", ModelCache.ResolveRoot("", Environment));
        Assert.Equal(Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".mlbuild", "cache"),
            ModelCache.ResolveRoot(null, NoEnvironment));
    }
}
