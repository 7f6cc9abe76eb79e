using System.Text.Json.Nodes;
using MlBuild.Core.Caching;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Tests.Caching;

public sealed class CacheTrimmerTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Store(ModelCache cache, int index, int bytes, DateTime lastUsed)
    {
        var fingerprint = $"{index:x2}" + new string('0', 30);
        var model = _directory.File($"model-{index}.zip");
        File.WriteAllBytes(model, new byte[bytes]);
        cache.Store(fingerprint, model, LockEntry.Complete(new JsonObject { ["fingerprint"] = fingerprint }, "FastTree",
            ContentHash.OfFile(model), bytes, new Dictionary<string, double>(), 1));
        Directory.SetLastWriteTimeUtc(cache.EntryDirectory(fingerprint), lastUsed);
        return fingerprint;
    }

    [Fact]
    public void Removes_least_recently_used_entries_until_the_cache_fits_and_never_one_in_use()
    {
        var cache = new ModelCache(_directory.File("cache"));
        var now = DateTime.UtcNow;
        var oldest = Store(cache, 1, 1000, now.AddDays(-10));
        var older = Store(cache, 2, 1000, now.AddDays(-5));
        var recent = Store(cache, 3, 1000, now.AddDays(-1));
        var inUse = Store(cache, 4, 1000, now.AddMinutes(-5));

        var fits = CacheTrimmer.Trim(cache, maxBytes: 2900, now);

        Assert.Equal(2, fits.RemovedEntries);
        Assert.Equal(CacheLookupResult.Miss, cache.Find(oldest).Result);
        Assert.Equal(CacheLookupResult.Miss, cache.Find(older).Result);
        Assert.Equal(CacheLookupResult.Hit, cache.Find(recent).Result);

        // A hit marks the entry used: now both are in use, and nothing goes however small the limit.
        var none = CacheTrimmer.Trim(cache, maxBytes: 0, DateTime.UtcNow);
        Assert.Equal(0, none.RemovedEntries);
        Assert.Equal(CacheLookupResult.Hit, cache.Find(inUse).Result);
    }

    [Fact]
    public void A_hit_marks_the_entry_used()
    {
        var cache = new ModelCache(_directory.File("cache"));
        var fingerprint = Store(cache, 1, 10, DateTime.UtcNow.AddDays(-10));

        cache.Find(fingerprint);

        Assert.True(DateTime.UtcNow - CacheUsage.LastUsed(cache.EntryDirectory(fingerprint)) < TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("10GB", 10L << 30)]
    [InlineData("500 MB", 500L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("4096", 4096)]
    public void Sizes_parse_as_people_write_them(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1GB")]
    [InlineData("10XB")]
    public void Sizes_that_are_not_sizes_are_refused(string text) => Assert.False(ByteSize.TryParse(text, out _));
}
