using System.Xml;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Gates;

/// <summary>
/// Finds the n-th element of an item type with a given Include in a project file. A model often has several
/// MlGate items; MSBuild hands them to a task in the order they are declared, so the n-th item with an identity
/// is the n-th element that includes it (<see cref="ItemLocator"/> finds only the first).
/// </summary>
internal static class GateElementLocator
{
    /// <param name="occurrence">0 for the first element including <paramref name="identity"/>, 1 for the second…</param>
    /// <returns>The element's line and column; the project file alone when it is not there (an imported file, a
    /// glob, a name built from properties).</returns>
    public static SourceLocation Find(string projectFile, string itemType, string identity, int occurrence)
    {
        if (occurrence == 0)
            return ItemLocator.Find(projectFile, itemType, identity);
        try
        {
            using var reader = XmlReader.Create(projectFile, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            var lineInfo = (IXmlLineInfo)reader;
            var seen = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != itemType
                    || reader.GetAttribute("Include") is not { } include)
                    continue;
                foreach (var part in include.Split(';'))
                {
                    if (string.Equals(part.Trim(), identity, StringComparison.Ordinal) && seen++ == occurrence)
                        return new SourceLocation(projectFile, lineInfo.LineNumber, lineInfo.LinePosition);
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // Unreadable here means the build read it some other way; the project file is still the best pointer.
        }
        return new SourceLocation(projectFile);
    }
}
