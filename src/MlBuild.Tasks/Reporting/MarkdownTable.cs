using System.Text;

namespace MlBuild.Tasks.Reporting;

/// <summary>A GitHub-flavoured markdown table. Cells are written as given: escape names with
/// <see cref="MarkdownText.Escape"/> before adding them.</summary>
internal sealed class MarkdownTable : Table
{
    public MarkdownTable(params string[] columns) : base(columns)
    {
    }

    public void WriteTo(StringBuilder markdown)
    {
        markdown.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        markdown.Append('|').Append(string.Join("|", RightAligned.Select(r => r ? "---:" : "---"))).Append("|\n");
        foreach (var row in Rows)
            markdown.Append("| ").Append(string.Join(" | ", row.Select(c => c.Length == 0 ? " " : c))).Append(" |\n");
        markdown.Append('\n');
    }
}
