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
    public static SourceLocation Find(string projectFile, string itemType, string identity)
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
                        return new SourceLocation(projectFile, lineInfo.LineNumber, lineInfo.LinePosition);
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // The item may come from an import or a glob; the project file itself is still the best pointer.
        }
        return new SourceLocation(projectFile);
    }
}
