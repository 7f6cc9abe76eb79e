using System.Text;

namespace MlBuild.Core.Reporting;

/// <summary>A fixed-width table for the build log: columns padded to their widest cell, numbers right-aligned.</summary>
internal sealed class TextTable : Table
{
    public TextTable(params string[] columns) : base(columns)
    {
    }

    /// <summary>The header, a rule of dashes, and the rows; trailing spaces trimmed.</summary>
    public IReadOnlyList<string> Render(string indent = "")
    {
        var widths = Headers.Select((h, i) => Rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var lines = new List<string> { Line(Headers), indent + string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(Rows.Select(Line));
        return lines;

        string Line(string[] cells)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                    line.Append("  ");
                line.Append(RightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            }
            return line.ToString().TrimEnd();
        }
    }
}
