using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.IO;

namespace MlBuild.Core.LockFiles;

/// <summary>
/// mlbuild.lock.json, committed beside the project file: per model, its fingerprint, inputs, params, versions,
/// model hash and metrics. The base branch's copy is the baseline that later evaluations compare against.
/// </summary>
internal sealed class LockFile
{
    public const string FileName = "mlbuild.lock.json";
    private const int FormatVersion = 1;

    private LockFile(SortedDictionary<string, LockEntry> models) => Models = models;

    public SortedDictionary<string, LockEntry> Models { get; }

    public static LockFile Empty() => new(new SortedDictionary<string, LockEntry>(StringComparer.Ordinal));

    /// <summary>Reads the lock file; a missing file is an empty lock. Throws <see cref="JsonException"/> (with the
    /// line) when the file is not valid JSON, e.g. after a merge conflict.</summary>
    public static LockFile Load(string path)
    {
        var lockFile = Empty();
        if (!File.Exists(path))
            return lockFile;
        var root = JsonNode.Parse(File.ReadAllText(path),
            documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject;
        if (root?["models"] is JsonObject models)
        {
            foreach (var (name, value) in models)
            {
                if (value is JsonObject entry)
                    lockFile.Models[name] = new LockEntry((JsonObject)entry.DeepClone());
            }
        }
        return lockFile;
    }

    public string Serialize()
    {
        var models = new JsonObject();
        foreach (var (name, entry) in Models)
            models[name] = entry.Json.DeepClone();
        return StableJson.Serialize(new JsonObject { ["version"] = FormatVersion, ["models"] = models });
    }

    /// <summary>Writes the lock file atomically, and only if its content changed. Returns whether it wrote.</summary>
    public bool Save(string path) => AtomicFile.WriteAllTextIfChanged(path, Serialize());
}
