using Microsoft.ML;

namespace MlBuild.Worker.DataViews;

/// <summary>
/// An IDataView over columns parsed by the worker itself, so that training reads exactly the rows and values that
/// were validated (no second parser to disagree on quotes or separators). It supports shuffling, which the
/// stochastic trainers ask for with a Random drawn from the seeded MLContext, so runs stay reproducible.
/// </summary>
internal sealed class InMemoryDataView : IDataView
{
    private readonly IReadOnlyList<ViewColumn> _columns;

    public InMemoryDataView(IReadOnlyList<ViewColumn> columns, int rowCount)
    {
        _columns = columns;
        RowCount = rowCount;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
            builder.AddColumn(column.Name, column.Type);
        Schema = builder.ToSchema();
    }

    public int RowCount { get; }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => true;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new InMemoryRowCursor(this, _columns, columnsNeeded, RowOrder(rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n,
        Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private int[] RowOrder(Random? rand)
    {
        var order = Enumerable.Range(0, RowCount).ToArray();
        if (rand is not null)
            rand.Shuffle(order);
        return order;
    }
}
