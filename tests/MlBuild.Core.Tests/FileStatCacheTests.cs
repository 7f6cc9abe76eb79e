using MlBuild.Core.Hashing;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests;

public sealed class FileStatCacheTests
{
    private static readonly DateTime Later = DateTime.UtcNow.AddHours(1);

    [Fact]
    public void A_file_with_unchanged_size_and_time_is_not_read_again_even_by_a_new_build()
    {
        using var directory = new TestDirectory();
        var data = directory.Write("data.csv", "a,b\n1,2\n");
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(-10));
        var store = directory.File("obj/filehashes.json");

        var first = FileStatCache.Load(store);
        var hash = first.GetFacts(data).Hash;
        first.Save();
        var second = FileStatCache.Load(store, hashFile: _ => throw new InvalidOperationException("read again"));

        Assert.Equal(hash, second.GetFacts(data).Hash);
        Assert.Equal(0, second.FilesHashed);
    }

    [Fact]
    public void A_touched_file_is_hashed_again_and_keeps_its_hash_when_its_content_is_the_same()
    {
        using var directory = new TestDirectory();
        var data = directory.Write("data.csv", "a,b\n1,2\n");
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(-10));
        var cache = FileStatCache.Load(directory.File("filehashes.json"));
        var before = cache.GetFacts(data).Hash;

        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(before, cache.GetFacts(data).Hash);
        Assert.Equal(2, cache.FilesHashed);
    }

    [Fact]
    public void A_changed_file_of_the_same_size_gets_a_new_hash()
    {
        using var directory = new TestDirectory();
        var data = directory.Write("data.csv", "a,b\n1,2\n");
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(-10));
        var cache = FileStatCache.Load(directory.File("filehashes.json"));
        var before = cache.GetFacts(data).Hash;

        File.WriteAllText(data, "a,b\n1,3\n");
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(-5));

        Assert.NotEqual(before, cache.GetFacts(data).Hash);
    }

    [Fact]
    public void A_file_modified_within_the_racy_window_is_hashed_but_not_remembered()
    {
        using var directory = new TestDirectory();
        var data = directory.Write("data.csv", "a,b\n1,2\n");
        var store = directory.File("filehashes.json");
        var cache = FileStatCache.Load(store, utcNow: () => File.GetLastWriteTimeUtc(data).AddMilliseconds(500));
        cache.GetFacts(data);
        cache.Save();

        var next = FileStatCache.Load(store, utcNow: () => Later);
        next.GetFacts(data);

        Assert.Equal(1, next.FilesHashed);
    }

    [Fact]
    public void A_damaged_store_costs_a_rehash_not_a_failure()
    {
        using var directory = new TestDirectory();
        var data = directory.Write("data.csv", "a,b\n1,2\n");
        var store = directory.Write("filehashes.json", "{ not json");

        var cache = FileStatCache.Load(store);

        Assert.StartsWith("xxh128:", cache.GetFacts(data).Hash);
        Assert.Equal(1, cache.FilesHashed);
    }
}
