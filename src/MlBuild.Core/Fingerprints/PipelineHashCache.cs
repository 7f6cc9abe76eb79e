using System.Text.Json;
using MlBuild.Core.Hashing;
using MlBuild.Core.IO;

namespace MlBuild.Core.Fingerprints;

/// <summary>
/// Remembers the code hash of each pipeline class by the content hash of the assembly it came from, so that a
/// build that did not recompile the project does not read its IL again.
/// </summary>
internal sealed class PipelineHashCache
{
    private readonly string _storePath;
    private readonly FileStatCache _files;
    private readonly Dictionary<string, string> _hashes;
    private bool _changed;

    public PipelineHashCache(string storePath, FileStatCache files)
    {
        _storePath = storePath;
        _files = files;
        _hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(storePath))
                _hashes = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(storePath)) ?? _hashes;
        }
        catch (JsonException)
        {
            // Only a memo: recomputed when damaged.
        }
    }

    public string Get(string assemblyPath, string typeFullName)
    {
        var key = _files.GetFacts(assemblyPath).Hash + "|" + typeFullName;
        if (_hashes.TryGetValue(key, out var known))
            return known;
        var hash = CodeFingerprint.Compute(assemblyPath, typeFullName);
        // Only the current assembly's hashes are worth keeping; older ones would grow the file forever.
        var assemblyPrefix = key[..(key.IndexOf('|') + 1)];
        foreach (var stale in _hashes.Keys.Where(k => !k.StartsWith(assemblyPrefix, StringComparison.Ordinal)).ToList())
            _hashes.Remove(stale);
        _hashes[key] = hash;
        _changed = true;
        return hash;
    }

    public void Save()
    {
        if (_changed)
            AtomicFile.WriteAllText(_storePath, JsonSerializer.Serialize(new SortedDictionary<string, string>(_hashes)));
    }
}
