namespace MlBuild.Core.Caching;

/// <summary>One entry of the local model cache as trimming and <c>mlbuild cache show</c> see it.</summary>
internal sealed record CacheEntryInfo(string Fingerprint, string Directory, long Bytes, DateTime LastUsedUtc);

/// <summary>The entries of the local model cache, read from its folders (no index to fall out of step with them).</summary>
internal static class CacheInventory
{
    public static IReadOnlyList<CacheEntryInfo> Read(ModelCache cache)
    {
        var entries = new List<CacheEntryInfo>();
        if (!System.IO.Directory.Exists(cache.EntriesRoot))
            return entries;
        foreach (var shard in System.IO.Directory.EnumerateDirectories(cache.EntriesRoot))
        {
            var shardName = Path.GetFileName(shard);
            if (shardName.Length != 2)
                continue; // staging/, and anything that is not an entry's shard
            foreach (var directory in System.IO.Directory.EnumerateDirectories(shard))
            {
                try
                {
                    var bytes = new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
                    entries.Add(new CacheEntryInfo(Path.GetFileName(directory), directory, bytes, CacheUsage.LastUsed(directory)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Removed by another build while we looked: no longer an entry.
                }
            }
        }
        return entries;
    }
}
