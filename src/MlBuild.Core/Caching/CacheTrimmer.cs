namespace MlBuild.Core.Caching;

/// <summary>What a trim did: the entries removed, what they held, and what the cache holds now.</summary>
internal sealed record TrimResult(int RemovedEntries, long RemovedBytes, int KeptEntries, long KeptBytes);

/// <summary>
/// Keeps the local model cache under its size limit (MlBuildCacheMaxSize) by removing the least recently used entries
/// first. An entry used within <see cref="InUseWindow"/> is never removed, however full the cache: another build may be
/// between finding it and copying it out. Removal renames the entry away before deleting it, as a damaged entry is
/// discarded, so that no build ever sees half an entry.
/// </summary>
internal static class CacheTrimmer
{
    public const long DefaultMaxBytes = 10L * 1024 * 1024 * 1024;

    /// <summary>How long after its last use an entry counts as in use: longer than a build takes from planning to
    /// copying its models out.</summary>
    public static readonly TimeSpan InUseWindow = TimeSpan.FromMinutes(30);

    /// <summary>Staging folders older than this are leftovers of a killed build.</summary>
    private static readonly TimeSpan AbandonedStaging = TimeSpan.FromHours(6);

    public static TrimResult Trim(ModelCache cache, long maxBytes, DateTime nowUtc)
    {
        RemoveAbandonedStaging(cache, nowUtc);
        var entries = CacheInventory.Read(cache).OrderBy(e => e.LastUsedUtc).ToList();
        var total = entries.Sum(e => e.Bytes);
        int removed = 0;
        long removedBytes = 0;
        foreach (var entry in entries)
        {
            if (total <= maxBytes)
                break;
            if (nowUtc - entry.LastUsedUtc < InUseWindow)
                break; // every later entry was used more recently still
            if (!cache.Remove(entry.Fingerprint))
                continue;
            total -= entry.Bytes;
            removed++;
            removedBytes += entry.Bytes;
        }
        return new TrimResult(removed, removedBytes, entries.Count - removed, total);
    }

    /// <summary>Removes every entry, except those in use (see <see cref="InUseWindow"/>) unless <paramref name="force"/>.</summary>
    public static TrimResult Clear(ModelCache cache, DateTime nowUtc, bool force)
    {
        var entries = CacheInventory.Read(cache);
        int removed = 0;
        long removedBytes = 0;
        foreach (var entry in entries)
        {
            if (!force && nowUtc - entry.LastUsedUtc < InUseWindow)
                continue;
            if (!cache.Remove(entry.Fingerprint))
                continue;
            removed++;
            removedBytes += entry.Bytes;
        }
        RemoveAbandonedStaging(cache, force ? DateTime.MaxValue : nowUtc);
        return new TrimResult(removed, removedBytes, entries.Count - removed, entries.Sum(e => e.Bytes) - removedBytes);
    }

    private static void RemoveAbandonedStaging(ModelCache cache, DateTime nowUtc)
    {
        var staging = Path.Combine(cache.EntriesRoot, "staging");
        if (!Directory.Exists(staging))
            return;
        foreach (var directory in Directory.EnumerateDirectories(staging))
        {
            try
            {
                if (nowUtc - Directory.GetLastWriteTimeUtc(directory) > AbandonedStaging)
                    Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use after all, or gone: the next trim looks again.
            }
        }
    }
}
