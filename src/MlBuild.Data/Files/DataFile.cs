using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Files;

/// <summary>A data file as read: how it was split, its column names, and its data rows (header excluded),
/// each with the same number of fields as there are names.</summary>
public sealed class DataFile
{
    private readonly Dictionary<int, float[]> _numbers = new();

    public DataFile(string path, char separator, HeaderDecision header, IReadOnlyList<string> columnNames,
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
    public DataFile Where(Func<DataRecord, bool> keep) =>
        new(Path, Separator, Header, ColumnNames, Rows.Where(keep).ToList(), HeaderLine);

    public IEnumerable<string> ValuesOf(int column) => Rows.Select(r => r.Fields[column]);

    /// <summary>A column's values as Singles (<see cref="Values.ToNumber"/>: NaN when missing or not a number),
    /// parsed once and shared by validation and the data view.</summary>
    public float[] NumbersOf(int column)
    {
        if (!_numbers.TryGetValue(column, out var numbers))
        {
            numbers = new float[Rows.Count];
            for (var i = 0; i < numbers.Length; i++)
                numbers[i] = Values.ToNumber(Rows[i].Fields[column]);
            _numbers[column] = numbers;
        }
        return numbers;
    }
}
