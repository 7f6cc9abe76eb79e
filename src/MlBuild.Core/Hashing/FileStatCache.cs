using System.Text.Json;
using MlBuild.Core.IO;

namespace MlBuild.Core.Hashing;

/// <summary>
/// Remembers the content hash of each file by its path, size and modification time, as git's index does, so
/// that a file that has not been touched is never read again. A touched file is rehashed; if its content is the
/// same, so is its hash, and nothing downstream changes.
/// </summary>
internal sealed class FileStatCache
{
    // A file modified this recently may still be written to within the timestamp's resolution ("racy git"):
    // its hash is used but not remembered, so the next build reads it again.
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly string _storePath;
    private readonly Func<string, string> _hashFile;
    private readonly Func<DateTime> _utcNow;
    private readonly Dictionary<string, Entry> _entries;
    private bool _changed;

    private FileStatCache(string storePath, Dictionary<string, Entry> entries, Func<string, string> hashFile,
        Func<DateTime> utcNow)
    {
        _storePath = storePath;
        _entries = entries;
        _hashFile = hashFile;
        _utcNow = utcNow;
    }

    /// <summary>How many files were read and hashed since this cache was loaded (for tests and logs).</summary>
    public int FilesHashed { get; private set; }

    public static FileStatCache Load(string storePath, Func<string, string>? hashFile = null,
        Func<DateTime>? utcNow = null)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(storePath))
                entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(storePath))
                          ?? entries;
        }
        catch (JsonException)
        {
            // A damaged stat cache only costs a rehash; it is never a reason to fail a build.
        }
        return new FileStatCache(storePath, entries, hashFile ?? ContentHash.OfFile, utcNow ?? (() => DateTime.UtcNow));
    }

    public FileFacts GetFacts(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var info = new FileInfo(fullPath);
        var length = info.Length;
        var modified = info.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(fullPath, out var known) && known.Size == length && known.ModifiedTicks == modified)
            return new FileFacts(fullPath, length, known.Hash);

        var hash = _hashFile(fullPath);
        FilesHashed++;
        if (_utcNow() - info.LastWriteTimeUtc > RacyWindow)
        {
            _entries[fullPath] = new Entry(length, modified, hash);
            _changed = true;
        }
        else if (_entries.Remove(fullPath))
        {
            _changed = true;
        }
        return new FileFacts(fullPath, length, hash);
    }

    public void Save()
    {
        if (!_changed)
            return;
        var sorted = new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal);
        AtomicFile.WriteAllText(_storePath, JsonSerializer.Serialize(sorted));
        _changed = false;
    }

    private sealed record Entry(long Size, long ModifiedTicks, string Hash);
}

/// <summary>A file's full path, size in bytes and content hash.</summary>
internal sealed record FileFacts(string FullPath, long Size, string Hash);
