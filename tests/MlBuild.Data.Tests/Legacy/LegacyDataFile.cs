// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>A data file as read: how it was split, its column names, and its data rows (header excluded),
/// each with the same number of fields as there are names.</summary>
internal sealed class LegacyDataFile
{
    private readonly Dictionary<int, float[]> _numbers = new();

    public LegacyDataFile(string path, char separator, HeaderDecision header, IReadOnlyList<string> columnNames,
        IReadOnlyList<DataRecord> rows, int headerLine = 0)
    {
        Path = path;
        HeaderLine = headerLine;
        Separator = separator;
        Header = header;
        ColumnNames = columnNames;
        Rows = rows;
    }

    public string Path { get; }
    public char Separator { get; }
    public HeaderDecision Header { get; }
    public IReadOnlyList<string> ColumnNames { get; }
    public IReadOnlyList<DataRecord> Rows { get; }

    /// <summary>The 1-based line of the header, 0 without one: findings about a whole column point there.</summary>
    public int HeaderLine { get; }

    /// <summary>Where a finding about a whole column of this file points: its header line, or the file.</summary>
    public Location ColumnsAt => new(Path, HeaderLine);

    /// <summary>The same file with only the rows <paramref name="keep"/> accepts (parsed numbers are not carried over).</summary>
    public LegacyDataFile Where(Func<DataRecord, bool> keep) =>
        new(Path, Separator, Header, ColumnNames, Rows.Where(keep).ToList(), HeaderLine);

    public IEnumerable<string> ValuesOf(int column) => Rows.Select(r => r.Fields[column]);

    /// <summary>A column's values as Singles (<see cref="LegacyValues.ToNumber"/>: NaN when missing or not a number),
    /// parsed once and shared by validation and the data view.</summary>
    public float[] NumbersOf(int column)
    {
        if (!_numbers.TryGetValue(column, out var numbers))
        {
            numbers = new float[Rows.Count];
            for (var i = 0; i < numbers.Length; i++)
                numbers[i] = LegacyValues.ToNumber(Rows[i].Fields[column]);
            _numbers[column] = numbers;
        }
        return numbers;
    }
}
