using System.Globalization;
using MlBuild.Core.Caching;
using MlBuild.Tool.Cli;

namespace MlBuild.Tool.Caching;

/// <summary><c>mlbuild cache show|trim|clear</c>: the local model cache, as the build keeps it (least recently used
/// entries go first; an entry used in the last half hour never goes, unless <c>clear --force</c>).</summary>
internal static class LocalCacheRunner
{
    public static int Show(CacheOptions options, ToolEnvironment environment, TextWriter writer)
    {
        var cache = Open(options, environment);
        var entries = CacheInventory.Read(cache).OrderByDescending(e => e.LastUsedUtc).ToList();
        writer.WriteLine($"Model cache: {cache.Root}");
        writer.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}, {ByteSize.Format(entries.Sum(e => e.Bytes))} " +
                         $"(the build trims it to MlBuildCacheMaxSize, default {ByteSize.Format(CacheTrimmer.DefaultMaxBytes)})");
        if (entries.Count == 0)
            return ExitCodes.Success;
        writer.WriteLine();
        writer.WriteLine($"{"fingerprint",-32}  {"size",10}  last used (UTC)");
        foreach (var entry in entries)
            writer.WriteLine($"{entry.Fingerprint,-32}  {ByteSize.Format(entry.Bytes),10}  {entry.LastUsedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}");
        return ExitCodes.Success;
    }

    public static int Trim(CacheOptions options, long maxBytes, ToolEnvironment environment, ToolOutput output)
    {
        var cache = Open(options, environment);
        var result = CacheTrimmer.Trim(cache, maxBytes, DateTime.UtcNow);
        output.Info($"Removed {result.RemovedEntries} entr{(result.RemovedEntries == 1 ? "y" : "ies")} ({ByteSize.Format(result.RemovedBytes)}); " +
                    $"{result.KeptEntries} remain ({ByteSize.Format(result.KeptBytes)}) in {cache.Root}.");
        if (result.KeptBytes > maxBytes)
            output.Info($"Still above {ByteSize.Format(maxBytes)}: the rest was used in the last {CacheTrimmer.InUseWindow.TotalMinutes:0} minutes.");
        return ExitCodes.Success;
    }

    public static int Clear(CacheOptions options, bool force, ToolEnvironment environment, ToolOutput output)
    {
        var cache = Open(options, environment);
        var result = CacheTrimmer.Clear(cache, DateTime.UtcNow, force);
        output.Info($"Removed {result.RemovedEntries} entr{(result.RemovedEntries == 1 ? "y" : "ies")} ({ByteSize.Format(result.RemovedBytes)}) from {cache.Root}.");
        if (result.KeptEntries > 0)
            output.Info($"Kept {result.KeptEntries}, used in the last {CacheTrimmer.InUseWindow.TotalMinutes:0} minutes (a build may be using them): --force removes them too.");
        return ExitCodes.Success;
    }

    private static ModelCache Open(CacheOptions options, ToolEnvironment environment) =>
        new(ModelCache.ResolveRoot(options.CacheDirectory, environment.Get));
}
