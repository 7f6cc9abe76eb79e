using Microsoft.Build.Framework;
using MlBuild.Core.Caching;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Keeps the local model cache under MlBuildCacheMaxSize after a build added to it: least recently used entries go
/// first, never one used in the last half hour (<see cref="CacheTrimmer"/>). A cache that cannot be trimmed is a
/// warning; the build has its models either way.
/// </summary>
public sealed class TrimModelCache : MsBuildTask
{
    [Required] public string CacheDirectory { get; set; } = "";
    /// <summary>MlBuildCacheMaxSize: 10GB, 500MB, or bytes.</summary>
    public string? MaxSize { get; set; }
    public string ProjectFile { get; set; } = "";

    public override bool Execute()
    {
        var at = new SourceLocation(ProjectFile);
        if (!ByteSize.TryParse(string.IsNullOrWhiteSpace(MaxSize) ? "10GB" : MaxSize, out var maxBytes))
        {
            Log.Error(MlbCodes.InvalidMetadataValue, at, $"MlBuildCacheMaxSize ({MaxSize}) is not a size: write it as 10GB, 500MB or a number of bytes.");
            return false;
        }
        try
        {
            var result = CacheTrimmer.Trim(new ModelCache(CacheDirectory), maxBytes, DateTime.UtcNow);
            if (result.RemovedEntries > 0)
                Log.LogMessage(MessageImportance.Normal, "Trimmed the model cache {0}: removed {1} least recently used entries ({2}); it holds {3} in {4} entries (MlBuildCacheMaxSize {5}).",
                    CacheDirectory, result.RemovedEntries, ByteSize.Format(result.RemovedBytes), ByteSize.Format(result.KeptBytes),
                    result.KeptEntries, MaxSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning(MlbCodes.CacheUnavailable, at, $"The model cache at {CacheDirectory} could not be trimmed ({e.Message}); it may grow beyond MlBuildCacheMaxSize.");
        }
        return true;
    }
}
