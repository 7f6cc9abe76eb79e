using MlBuild.Definitions;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Data.Checks;
using MlBuild.Data.Reading;
using MlBuild.Worker.Data;

namespace MlBuild.Worker.DataViews;

/// <summary>
/// An IDataView over a data file that reads it anew for each cursor, one record at a time, through the same reader
/// that checked and profiled it: training sees exactly the rows and values that were validated, and the file is never
/// held in memory (ML.NET's own cache, where the pipeline asks for one, holds its parsed values, as it would with its
/// own loader). Each column is typed by its kind; the label, when the view has one, is read as the task's trainers
/// want it (<see cref="LabelPlan"/>). Rows without a label are left out, the ones MissingLabels="warning" let through.
/// </summary>
/// <remarks>
/// Like ML.NET's TextLoader, the view cannot shuffle: a trainer that wants shuffled rows gets them from the cache that
/// ML.NET puts in front of such trainers (and that the declarative pipeline always has), which is how the results stay
/// the same as when the rows were in memory. Row ids are the rows' places in the file, the same for every cursor.
/// </remarks>
internal sealed class StreamingDataView : IDataView
{
    private readonly DataSource _source;
    private readonly IReadOnlyList<DataColumn> _columns;
    private readonly LabelPlan? _label;
    private readonly ViewPasses? _passes;
    private readonly CheckLevel _unlabeled;

    /// <param name="columns">The columns of the view, in order (a subset of the file's, by their indexes).</param>
    /// <param name="label">How the label column is read; null for a view without a label (an application's input).</param>
    /// <param name="rows">The number of rows the view yields (its labeled rows), known from the pass that checked it.</param>
    /// <param name="passes">Where the progress of long passes is told, or null.</param>
    /// <param name="unlabeled">What a row without a label does: left out (Warning, or any row a checked pass let
    /// through), or an error (Error, for a file no pass checked: Evaluate's test data).</param>
    public StreamingDataView(DataSource source, IReadOnlyList<DataColumn> columns, LabelPlan? label, long? rows,
        ViewPasses? passes = null, CheckLevel unlabeled = CheckLevel.Warning)
    {
        _unlabeled = unlabeled;
        _source = source;
        _columns = columns;
        _label = label;
        _passes = passes;
        RowCount = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
            builder.AddColumn(column.Name, label is not null && column.Index == label.Index ? LabelType(label) : DataViewBuilder.TypeOf(column.Kind));
        Schema = builder.ToSchema();
    }

    public long? RowCount { get; }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new StreamingRowCursor(this, _source.OpenRecords(), _source.Layout.ColumnNames.Count, _columns, _label, columnsNeeded, _passes?.Start(), _unlabeled);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n,
        Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private static DataViewType LabelType(LabelPlan label) => label.Type switch
    {
        Data.LabelType.Boolean => BooleanDataViewType.Instance,
        Data.LabelType.Single => NumberDataViewType.Single,
        _ => TextDataViewType.Instance,
    };
}
