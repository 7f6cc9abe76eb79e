namespace MlBuild.Core.Reporting;

/// <summary>The columns and rows of a report table; <see cref="TextTable"/> and <see cref="MarkdownTable"/>
/// render them for the build log and for markdown.</summary>
internal abstract class Table
{
    protected readonly string[] Headers;
    protected readonly bool[] RightAligned;
    protected readonly List<string[]> Rows = [];

    /// <param name="columns">Each column's header; a header starting with '>' is right-aligned (the '>' is dropped).</param>
    protected Table(string[] columns)
    {
        RightAligned = columns.Select(c => c.StartsWith('>')).ToArray();
        Headers = columns.Select(c => c.TrimStart('>')).ToArray();
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != Headers.Length)
            throw new ArgumentException($"A row needs {Headers.Length} cells, not {cells.Length}.", nameof(cells));
        Rows.Add(cells);
    }
}
