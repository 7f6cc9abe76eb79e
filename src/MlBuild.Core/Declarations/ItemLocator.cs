using System.Xml;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Declarations;

/// <summary>
/// Finds the line of an item in a project file, so that an error about a model points at its MlModel element.
/// MSBuild does not hand item locations to tasks; the project file is read once per task that needs it.
/// </summary>
internal static class ItemLocator
{
    public static SourceLocation Find(string projectFile, string itemType, string identity) =>
        FindElement(projectFile, itemType, identity).Location;

    /// <summary>The item's location and the attributes written on its element (MSBuild keeps some of them, such
    /// as Label, from the item's metadata).</summary>
    public static ItemElement FindElement(string projectFile, string itemType, string identity) =>
        ReadAll(projectFile, itemType).First(identity);

    /// <summary>Every element of <paramref name="itemType"/> in the project file, in document order.</summary>
    public static ItemElements ReadAll(string projectFile, string itemType)
    {
        var elements = new List<(string Identity, ItemElement Element)>();
        try
        {
            using var reader = XmlReader.Create(projectFile, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            var lineInfo = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != itemType)
                    continue;
                var include = reader.GetAttribute("Include");
                if (include is null)
                    continue;
                var location = new SourceLocation(projectFile, lineInfo.LineNumber, lineInfo.LinePosition);
                var attributes = ReadAttributes(reader);
                foreach (var part in include.Split(';'))
                    elements.Add((part.Trim(), new ItemElement(location, attributes)));
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // The item may come from an import or a glob; the project file itself is still the best pointer.
        }
        return new ItemElements(projectFile, elements);
    }

    private static Dictionary<string, string> ReadAttributes(XmlReader reader)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.MoveToNextAttribute())
            attributes[reader.LocalName] = reader.Value;
        return attributes;
    }
}

internal sealed record ItemElement(SourceLocation Location, IReadOnlyDictionary<string, string> Attributes);

/// <summary>The elements of one item type in a project file; an item not written there (an import, a glob) is
/// located at the project file itself.</summary>
internal sealed class ItemElements(string projectFile, IReadOnlyList<(string Identity, ItemElement Element)> elements)
{
    public ItemElement First(string identity)
    {
        foreach (var (candidate, element) in elements)
        {
            if (string.Equals(candidate, identity, StringComparison.Ordinal))
                return element;
        }
        return new ItemElement(new SourceLocation(projectFile), new Dictionary<string, string>());
    }
}
