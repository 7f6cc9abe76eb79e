using System.Xml;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks.Declarations;

/// <summary>
/// Finds the line of an item in a project file, so that an error about a model points at its MlModel element.
/// MSBuild does not hand item locations to tasks; reading the XML again costs little and only happens on error
/// or when a worker is about to start.
/// </summary>
internal static class ItemLocator
{
    public static SourceLocation Find(string projectFile, string itemType, string identity) =>
        FindElement(projectFile, itemType, identity).Location;

    /// <summary>The item's location and the attributes written on its element (MSBuild keeps some of them, such
    /// as Label, from the item's metadata).</summary>
    public static ItemElement FindElement(string projectFile, string itemType, string identity)
    {
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
                foreach (var part in include.Split(';'))
                {
                    if (string.Equals(part.Trim(), identity, StringComparison.Ordinal))
                        return new ItemElement(new SourceLocation(projectFile, lineInfo.LineNumber, lineInfo.LinePosition),
                            ReadAttributes(reader));
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // The item may come from an import or a glob; the project file itself is still the best pointer.
        }
        return new ItemElement(new SourceLocation(projectFile), new Dictionary<string, string>());
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
