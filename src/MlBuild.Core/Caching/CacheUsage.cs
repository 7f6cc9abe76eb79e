namespace MlBuild.Core.Caching;

/// <summary>
/// When an entry of the model cache was last used, for trimming least-recently-used first: the entry folder's own
/// timestamp, set on every hit. Access times are no help (noatime and relatime mounts), and a file of our own would
/// cost a write per hit where setting a timestamp costs one system call.
/// </summary>
internal static class CacheUsage
{
    public static void MarkUsed(string entryDirectory)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(entryDirectory, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache (shared, or mounted from CI) is still a cache: it only trims less well.
        }
    }

    public static DateTime LastUsed(string entryDirectory) => Directory.GetLastWriteTimeUtc(entryDirectory);
}
