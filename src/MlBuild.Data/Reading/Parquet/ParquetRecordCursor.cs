using Parquet;

namespace MlBuild.Data.Reading.Parquet;

/// <summary>The rows of a Parquet file, row group by row group: one group's columns in memory at a time (the columns
/// the layout names, in its order), never the file. A record's "line" is its 1-based row.</summary>
internal sealed class ParquetRecordCursor : RecordCursor
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly ParquetColumn[] _columns;
    private int _group = -1;
    private long _groupRows;
    private int _row;
    private int _line;

    /// <param name="fieldOrder">For each column of the layout, the index of its Parquet data field.</param>
    public ParquetRecordCursor(string path, IReadOnlyList<int> fieldOrder)
    {
        _path = path;
        (_stream, _reader) = ParquetFile.Open(path);
        var fields = ParquetFile.Fields(_reader);
        _columns = fieldOrder.Select(i => new ParquetColumn(fields[i], path)).ToArray();
    }

    public override string Path => _path;

    public override int Line => _line;

    public override int FieldCount => _columns.Length;

    public override bool MoveNext()
    {
        while (_row + 1 >= _groupRows)
        {
            if (_group + 1 >= _reader.RowGroupCount)
                return false;
            _group++;
            using var group = _reader.OpenRowGroupReader(_group);
            foreach (var column in _columns)
                column.Read(group);
            _groupRows = group.RowCount;
            _row = -1;
        }
        _row++;
        _line++;
        return true;
    }

    public override ReadOnlySpan<char> Text(int field) => _columns[field].Text(_row);

    public override ReadOnlyMemory<char> TextMemory(int field) => _columns[field].HoldsText
        ? _columns[field].TextMemory(_row)
        : _columns[field].Text(_row).ToString().AsMemory();

    public override bool IsMissing(int field) => _columns[field].IsMissing(_row);

    public override bool TryGetDouble(int field, out double value) => _columns[field].TryGetDouble(_row, out value);

    public override bool TryGetNumber(int field, out double value, out float single) =>
        _columns[field].TryGetNumber(_row, out value, out single);

    public override bool TryGetBoolean(int field, out bool value) => _columns[field].TryGetBoolean(_row, out value);

    public override long BytesRead => _stream.Position;

    public override void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
