using System.Text;

namespace MlBuild.Tasks.Reporting;

/// <summary>A fixed-width table for the build log: columns padded to their widest cell, numbers right-aligned.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Each column's header; a header starting with '>' is right-aligned (the '>' is dropped).</param>
    public TextTable(params string[] columns)
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

    /// <summary>The header, a rule of dashes, and the rows; trailing spaces trimmed.</summary>
    public IReadOnlyList<string> Render(string indent = "")
    {
        var widths = _headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var lines = new List<string> { Line(_headers), indent + string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(_rows.Select(Line));
        return lines;

        string Line(string[] cells)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                    line.Append("  ");
                line.Append(_rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            }
            return line.ToString().TrimEnd();
        }
    }
}
