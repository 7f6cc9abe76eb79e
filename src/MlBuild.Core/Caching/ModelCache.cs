using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Caching;

/// <summary>
/// Trained models addressed by fingerprint: <c>&lt;root&gt;/v1/&lt;ab&gt;/&lt;fingerprint&gt;/</c> holds model.zip,
/// entry.json (the lock entry it was trained with), profile.json (its training data's profile) and model.onnx (its
/// ONNX export, ExportOnnx), each of the last two when the entry records it. Switching branches back and forth costs a
/// copy, not a run.
/// An entry appears whole or not at all: it is assembled in a private folder and renamed into place, so two
/// builds that store the same model at once cannot corrupt it; the loser's copy is simply dropped.
/// </summary>
internal sealed class ModelCache
{
    public const string EnvironmentVariable = "MLBUILD_CACHE_DIR";
    private const string ModelFileName = "model.zip";
    private const string EntryFileName = "entry.json";
    public const string ProfileFileName = "profile.json";
    public const string OnnxFileName = "model.onnx";

    private readonly string _root;

    public ModelCache(string root)
    {
        Root = Path.GetFullPath(root);
        _root = Path.Combine(Root, "v1");
    }

    /// <summary>The folder the cache was opened at (MlBuildCacheDir).</summary>
    public string Root { get; }

    /// <summary>The folder that holds the entries (and the staging area) of this cache.</summary>
    public string EntriesRoot => _root;

    /// <summary>The property wins, then the environment variable, then a folder in the user's home.</summary>
    public static string ResolveRoot(string? property, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(property))
            return property;
        if ((environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".mlbuild", "cache");
    }

    public string EntryDirectory(string fingerprint) => Path.Combine(_root, fingerprint[..2], fingerprint);

    /// <summary>Looks an entry up and verifies it: the model file must have the size and hash its entry records.
    /// A damaged entry is removed, so that the model is trained again instead of restored broken.</summary>
    public CacheLookup Find(string fingerprint)
    {
        var directory = EntryDirectory(fingerprint);
        var modelPath = Path.Combine(directory, ModelFileName);
        var entryPath = Path.Combine(directory, EntryFileName);
        if (!Directory.Exists(directory))
            return CacheLookup.Miss;
        try
        {
            if (File.Exists(entryPath) && JsonNode.Parse(File.ReadAllText(entryPath)) is JsonObject json
                && File.Exists(modelPath))
            {
                var entry = new LockEntry(json);
                var size = new FileInfo(modelPath).Length;
                if (entry.Fingerprint == fingerprint && entry.ModelSize == size
                    && entry.ModelHash == ContentHash.OfFile(modelPath)
                    && Intact(directory, ProfileFileName, entry.ProfileHash, entry.ProfileSize)
                    && Intact(directory, OnnxFileName, entry.OnnxHash, entry.OnnxSize))
                {
                    CacheUsage.MarkUsed(directory);
                    return new CacheLookup(CacheLookupResult.Hit, modelPath, entry);
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException)
        {
            // Falls through to discarding the entry.
        }
        Discard(directory);
        return CacheLookup.Corrupt;
    }

    /// <summary>A file beside the model that the entry records (the profile, the ONNX export) must be there, whole: a
    /// restore brings it back with the model.</summary>
    private static bool Intact(string directory, string fileName, string? hash, long? size)
    {
        if (hash is null)
            return true;
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) && new FileInfo(path).Length == size && ContentHash.OfFile(path) == hash;
    }

    /// <summary>Stores a trained model with its lock entry (and its data profile and ONNX export, if any). Returns false
    /// when another build stored it first.</summary>
    public bool Store(string fingerprint, string modelFile, LockEntry entry, string? profileFile = null,
        string? onnxFile = null)
    {
        if (Directory.Exists(EntryDirectory(fingerprint)))
            return false;
        var staging = CreateStaging();
        try
        {
            File.Copy(modelFile, Path.Combine(staging, ModelFileName));
            if (profileFile is not null)
                File.Copy(profileFile, Path.Combine(staging, ProfileFileName));
            if (onnxFile is not null)
                File.Copy(onnxFile, Path.Combine(staging, OnnxFileName));
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        return CommitStaged(staging, fingerprint, entry);
    }

    /// <summary>A private folder of this cache to assemble an entry in (a download from the remote cache writes its
    /// files straight into it), for <see cref="CommitStaged"/>. On the cache's own volume, so that committing is a
    /// rename, never a copy.</summary>
    public string CreateStaging()
    {
        var staging = Path.Combine(_root, "staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Makes a staged folder (model.zip and the files its entry records) the entry of the fingerprint, with
    /// entry.json written last, by one rename. The staging folder is gone afterwards either way. Returns false when
    /// another build stored the entry first.</summary>
    public bool CommitStaged(string staging, string fingerprint, LockEntry entry)
    {
        var final = EntryDirectory(fingerprint);
        try
        {
            if (Directory.Exists(final))
                return false;
            File.WriteAllText(Path.Combine(staging, EntryFileName), StableJson.Serialize(entry.Json));
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            Directory.Move(staging, final);
            return true;
        }
        catch (IOException) when (Directory.Exists(final))
        {
            return false;
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The files of an entry, model first, with the names they have in the entry's folder: what a remote cache
    /// stores of it.</summary>
    public static IReadOnlyList<(string Name, string Path)> EntryFiles(CacheLookup hit)
    {
        var files = new List<(string, string)> { (ModelFileName, hit.ModelPath!) };
        if (hit.ProfilePath is { } profile)
            files.Add((ProfileFileName, profile));
        if (hit.OnnxPath is { } onnx)
            files.Add((OnnxFileName, onnx));
        return files;
    }

    /// <summary>The names a file of an entry may have: a remote entry naming any other is refused.</summary>
    public static bool IsEntryFileName(string name) => name is ModelFileName or ProfileFileName or OnnxFileName;

    /// <summary>Removes an entry (trimming, <c>mlbuild cache clear</c>). False when it was not there, or another build
    /// removed it at the same moment.</summary>
    public bool Remove(string fingerprint) => Discard(EntryDirectory(fingerprint));

    private bool Discard(string directory)
    {
        // Renamed away first so that no other build can pick up a half-deleted entry.
        var trash = Path.Combine(_root, "staging", "discarded-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
            Directory.Move(directory, trash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another build discarded or replaced it at the same moment; either way it is no longer used.
            return false;
        }
        try
        {
            Directory.Delete(trash, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open (Windows): the trim of abandoned staging folders removes it later.
        }
        return true;
    }
}

internal enum CacheLookupResult { Miss, Hit, Corrupt }

internal sealed record CacheLookup(CacheLookupResult Result, string? ModelPath = null, LockEntry? Entry = null)
{
    /// <summary>The cached data profile beside the model; null when the entry has none.</summary>
    public string? ProfilePath => Entry?.ProfileHash is null || ModelPath is null
        ? null
        : Path.Combine(Path.GetDirectoryName(ModelPath)!, ModelCache.ProfileFileName);

    /// <summary>The cached ONNX export beside the model; null when the entry has none.</summary>
    public string? OnnxPath => Entry?.OnnxHash is null || ModelPath is null
        ? null
        : Path.Combine(Path.GetDirectoryName(ModelPath)!, ModelCache.OnnxFileName);

    public static readonly CacheLookup Miss = new(CacheLookupResult.Miss);
    public static readonly CacheLookup Corrupt = new(CacheLookupResult.Corrupt);
}
