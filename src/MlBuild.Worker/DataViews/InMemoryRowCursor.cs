using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.DataViews;

/// <summary>Walks the rows of an <see cref="InMemoryDataView"/> in a given order.</summary>
internal sealed class InMemoryRowCursor : DataViewRowCursor
{
    private readonly IReadOnlyList<ViewColumn> _columns;
    private readonly bool[] _active;
    private readonly int[] _order;
    private long _position = -1;

    public InMemoryRowCursor(IDataView view, IReadOnlyList<ViewColumn> columns,
        IEnumerable<DataViewSchema.Column> columnsNeeded, int[] order)
    {
        Schema = view.Schema;
        _columns = columns;
        _order = order;
        _active = new bool[columns.Count];
        foreach (var column in columnsNeeded)
            _active[column.Index] = true;
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    // One cursor at a time: every row is in batch 0.
    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override bool MoveNext()
    {
        if (_position + 1 >= _order.Length)
        {
            _position = _order.Length;
            return false;
        }
        _position++;
        return true;
    }

    // The id is the row's place in the file, whatever the order of the cursor: ML.NET relies on ids being
    // stable across cursors (for shuffling and caching).
    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)CurrentRow(), 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index])
            throw new InvalidOperationException($"Column '{column.Name}' was not requested by this cursor.");
        if (_columns[column.Index] is not ViewColumn<TValue> typed)
            throw new InvalidOperationException(
                $"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
        return typed.Getter(CurrentRow);
    }

    private int CurrentRow() => _order[checked((int)_position)];
}
