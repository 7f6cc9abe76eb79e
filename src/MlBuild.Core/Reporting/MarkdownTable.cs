using System.Text;

namespace MlBuild.Core.Reporting;

/// <summary>A GitHub-flavoured markdown table. Cells are written as given: escape names with
/// <see cref="MarkdownText.Escape"/> before adding them.</summary>
internal sealed class MarkdownTable : Table
{
    public MarkdownTable(params string[] columns) : base(columns)
    {
    }

    public int RowCount => Rows.Count;

    /// <summary>The header line and the alignment line.</summary>
    public string Head =>
        "| " + string.Join(" | ", Headers) + " |\n" +
        "|" + string.Join("|", RightAligned.Select(r => r ? "---:" : "---")) + "|\n";

    /// <summary>Each row as one whole line, so that a shortened table never ends inside a row.</summary>
    public IEnumerable<string> RowLines => Rows.Select(row => "| " + string.Join(" | ", row.Select(c => c.Length == 0 ? " " : c)) + " |\n");

    public void WriteTo(StringBuilder markdown)
    {
        markdown.Append(Head);
        foreach (var line in RowLines)
            markdown.Append(line);
        markdown.Append('\n');
    }
}
