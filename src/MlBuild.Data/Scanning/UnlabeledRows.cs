using MlBuild.Data.Checks;

namespace MlBuild.Data.Scanning;

/// <summary>The rows of a file without a label, counted, with the lines of the first few (the MLB2102 findings).</summary>
public sealed class UnlabeledRows
{
    private readonly List<int> _lines = [];

    public long Count { get; private set; }

    public IReadOnlyList<int> Lines => _lines;

    public void Add(int line)
    {
        Count++;
        if (_lines.Count < MissingLabelCheck.Shown)
            _lines.Add(line);
    }
}
