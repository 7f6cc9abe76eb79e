namespace MlBuild.Worker.Data;

/// <summary>A data file as read: how it was split, its column names, and its data rows (header excluded),
/// each with the same number of fields as there are names.</summary>
internal sealed class DataFile
{
    private readonly Dictionary<int, float[]> _numbers = new();

    public DataFile(string path, char separator, HeaderDecision header, IReadOnlyList<string> columnNames,
        IReadOnlyList<DataRecord> rows)
    {
        Path = path;
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
