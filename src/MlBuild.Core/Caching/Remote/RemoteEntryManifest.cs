using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Caching.Remote;

/// <summary>One file of a remote entry: its name in the entry's folder and what its content must be.</summary>
internal sealed record RemoteEntryFile(string Name, string Sha256, long Size);

/// <summary>
/// What <c>ac/&lt;sha256 of the fingerprint&gt;</c> holds: the lock entry the model was trained with and the hash and
/// size of each of its files. It is uploaded after the files, so that an entry a reader can see is whole; and a reader
/// trusts nothing it names until the file's content hashes to it.
/// </summary>
internal sealed record RemoteEntryManifest(string Fingerprint, LockEntry Entry, IReadOnlyList<RemoteEntryFile> Files)
{
    private const string Format = "mlbuild-remote-cache/1";

    /// <summary>More than any manifest needs (an entry is a few KB): a server answering with more is not a cache.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public byte[] ToBytes()
    {
        var json = new JsonObject
        {
            ["format"] = Format,
            ["fingerprint"] = Fingerprint,
            ["entry"] = Entry.Json.DeepClone(),
            ["files"] = new JsonArray(Files.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["sha256"] = f.Sha256,
                ["size"] = f.Size,
            }).ToArray()),
        };
        return Encoding.UTF8.GetBytes(StableJson.Serialize(json));
    }

    /// <summary>Reads a manifest, refusing anything that is not one for <paramref name="fingerprint"/>: another format,
    /// another fingerprint (a hash collision, or a server that answers every key alike), a file name that is not an
    /// entry's, a hash that is not SHA-256.</summary>
    public static RemoteEntryManifest Parse(ReadOnlySpan<byte> content, string fingerprint)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(content) as JsonObject ?? throw Invalid("it is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Invalid($"it is not JSON ({e.Message})");
        }
        if ((string?)json["format"] != Format)
            throw Invalid($"its format is not {Format}");
        if ((string?)json["fingerprint"] != fingerprint || json["entry"] is not JsonObject entryJson)
            throw Invalid("it is not the entry of this fingerprint");
        var entry = new LockEntry((JsonObject)entryJson.DeepClone());
        if (entry.Fingerprint != fingerprint)
            throw Invalid("its lock entry is of another fingerprint");
        var files = new List<RemoteEntryFile>();
        foreach (var file in json["files"] as JsonArray ?? throw Invalid("it lists no files"))
        {
            var name = (string?)file?["name"];
            var sha256 = (string?)file?["sha256"];
            var size = file?["size"] is JsonValue value && value.TryGetValue<long>(out var bytes) ? bytes : -1;
            if (name is null || !ModelCache.IsEntryFileName(name) || files.Any(f => f.Name == name))
                throw Invalid($"it names a file an entry cannot have ({name})");
            if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower) || size < 0)
                throw Invalid($"the hash or size of {name} is not valid");
            files.Add(new RemoteEntryFile(name, sha256, size));
        }
        if (files.FirstOrDefault(f => f.Name == "model.zip") is not { } model || model.Size != entry.ModelSize)
            throw Invalid("its model file is missing or of another size than its lock entry records");
        return new RemoteEntryManifest(fingerprint, entry, files);
    }

    private static RemoteCacheException Invalid(string why) =>
        new(RemoteFault.InvalidEntry, $"the manifest is not valid: {why}");
}
