using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Data;

namespace MlBuild.Worker.DataViews;

/// <summary>Turns a parsed data file into an IDataView: each column typed by its kind (Numeric as Single with NaN
/// for missing values, Boolean as Boolean, Categorical and Text as text), the label replaced by its prepared values.</summary>
internal static class DataViewBuilder
{
    public static InMemoryDataView Build(DataFile file, IReadOnlyList<DataColumn> columns, DataColumn label,
        LabelValues labels)
    {
        var viewColumns = columns.Select(c => c == label ? LabelColumn(c.Name, labels) : ColumnOf(file, c)).ToList();
        return new InMemoryDataView(viewColumns, file.Rows.Count);
    }

    /// <summary>The columns as read, without label preparation: the rows as an application would give them to the
    /// saved model (the ONNX export's input).</summary>
    public static InMemoryDataView BuildRaw(DataFile file, IReadOnlyList<DataColumn> columns) =>
        new(columns.Select(c => ColumnOf(file, c)).ToList(), file.Rows.Count);

    /// <summary>The schema an application passes rows in: the raw columns by kind, the label as it is in the file
    /// (an application does not need to give it: nothing in a saved model reads it).</summary>
    public static DataViewSchema RawSchema(IReadOnlyList<DataColumn> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
            builder.AddColumn(column.Name, TypeOf(column.Kind));
        return builder.ToSchema();
    }

    public static DataViewType TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => NumberDataViewType.Single,
        ColumnKind.Boolean => BooleanDataViewType.Instance,
        _ => TextDataViewType.Instance,
    };

    // Plain loops over the rows: this runs for every column of both files, 100,000s of values each.
    private static ViewColumn ColumnOf(DataFile file, DataColumn column)
    {
        var rows = file.Rows;
        var index = column.Index;
        switch (column.Kind)
        {
            case ColumnKind.Numeric:
                return ViewColumn.Of(column.Name, file.NumbersOf(index));
            case ColumnKind.Boolean:
            {
                var values = new bool[rows.Count];
                for (var i = 0; i < values.Length; i++)
                    values[i] = Values.TryParseBoolean(rows[i].Fields[index], out var b) && b;
                return ViewColumn.Of(column.Name, values);
            }
            default:
            {
                var values = new ReadOnlyMemory<char>[rows.Count];
                for (var i = 0; i < values.Length; i++)
                    values[i] = rows[i].Fields[index].AsMemory();
                return new ViewColumn<ReadOnlyMemory<char>>(column.Name, TextDataViewType.Instance, values);
            }
        }
    }

    private static ViewColumn LabelColumn(string name, LabelValues labels) => labels.Type switch
    {
        LabelType.Boolean => ViewColumn.Of(name, (bool[])labels.Values),
        LabelType.Single => ViewColumn.Of(name, (float[])labels.Values),
        _ => ViewColumn.Of(name, (string[])labels.Values),
    };
}
