using System.IO.Compression;
using System.Text.Json.Nodes;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>A .nupkg opened as the zip it is: its entries, their text, and the manifest of a model package.</summary>
public sealed class NuGetPackageFile
{
    private readonly Dictionary<string, byte[]> _entries;

    public NuGetPackageFile(string path)
    {
        Path = path;
        using var zip = ZipFile.OpenRead(path);
        _entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    public string Path { get; }

    public IReadOnlyCollection<string> Entries => _entries.Keys;

    public byte[] Bytes(string entry) => _entries.TryGetValue(entry, out var bytes)
        ? bytes
        : throw new KeyNotFoundException($"{Path} has no entry {entry}; it has {string.Join(", ", _entries.Keys)}.");

    public string Text(string entry) => System.Text.Encoding.UTF8.GetString(Bytes(entry)).TrimStart('\uFEFF');

    public JsonObject Manifest => (JsonObject)JsonNode.Parse(Text("mlmodel.json"))!;

    /// <summary>Every entry's text, for checking that a secret appears nowhere.</summary>
    public string AllText => string.Join("\n", _entries.Keys.Select(Text));
}
