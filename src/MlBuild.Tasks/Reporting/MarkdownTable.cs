using System.Text;

namespace MlBuild.Tasks.Reporting;

/// <summary>A GitHub-flavoured markdown table. Cells are written as given: escape names with
/// <see cref="MarkdownText.Escape"/> before adding them.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Each column's header; a header starting with '>' is right-aligned (the '>' is dropped).</param>
    public MarkdownTable(params string[] columns)
    {
        _rightAligned = columns.Select(c => c.StartsWith('>')).ToArray();
        _headers = columns.Select(c => c.TrimStart('>')).ToArray();
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
            throw new ArgumentException($"A row needs {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        _rows.Add(cells);
    }

    public void WriteTo(StringBuilder markdown)
    {
        markdown.Append("| ").Append(string.Join(" | ", _headers)).Append(" |\n");
        markdown.Append('|').Append(string.Join("|", _rightAligned.Select(r => r ? "---:" : "---"))).Append("|\n");
        foreach (var row in _rows)
            markdown.Append("| ").Append(string.Join(" | ", row.Select(c => c.Length == 0 ? " " : c))).Append(" |\n");
        markdown.Append('\n');
    }
}
