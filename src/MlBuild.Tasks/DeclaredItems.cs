using Microsoft.Build.Framework;
using MlBuild.Core.Declarations;

namespace MlBuild.Tasks;

/// <summary>The task layer's edge: MSBuild items become the core's <see cref="DeclaredItem"/>s.</summary>
internal static class DeclaredItems
{
    /// <summary>
    /// CloneCustomMetadata holds the item's own metadata and its item-definition defaults, and leaves out MSBuild's
    /// well-known metadata (FullPath, Identity…), which no declaration reads.
    /// </summary>
    public static DeclaredItem ToDeclared(this ITaskItem item)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in item.CloneCustomMetadata())
            metadata[(string)entry.Key] = (string?)entry.Value ?? "";
        return new DeclaredItem(item.ItemSpec, metadata);
    }

    public static IEnumerable<DeclaredItem> ToDeclared(this IEnumerable<ITaskItem> items) => items.Select(ToDeclared);
}
