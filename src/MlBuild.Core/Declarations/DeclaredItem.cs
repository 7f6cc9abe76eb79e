namespace MlBuild.Core.Declarations;

/// <summary>
/// An item as the project declared it (an <c>MlModel</c>, <c>MlGate</c>, <c>MlSlice</c>, a reference…): its identity
/// and its metadata, item-definition defaults included. The core reads declarations through this record so that it
/// never needs MSBuild's <c>ITaskItem</c>; the task layer converts at its edge (<c>TaskItems.Declared</c>).
/// </summary>
internal sealed record DeclaredItem(string ItemSpec, IReadOnlyDictionary<string, string> Metadata)
{
    public DeclaredItem(string itemSpec, params (string Key, string Value)[] metadata)
        : this(itemSpec, Collect(metadata))
    {
    }

    // A later value of the same name wins, as when MSBuild sets metadata twice.
    private static Dictionary<string, string> Collect((string Key, string Value)[] metadata)
    {
        var collected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in metadata)
            collected[key] = value;
        return collected;
    }

    /// <summary>The metadata's value, or "" when the item has none of that name (as MSBuild's GetMetadata).</summary>
    public string GetMetadata(string name) => Metadata.TryGetValue(name, out var value) ? value : "";

    /// <summary>The names of the metadata the item carries, well-known MSBuild metadata (FullPath, Identity…) excluded.</summary>
    public IEnumerable<string> MetadataNames => Metadata.Keys;
}
