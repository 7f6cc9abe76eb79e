using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.DataViews;

/// <summary>How the data's columns are typed in ML.NET: Numeric as Single with NaN for missing values, Boolean as
/// Boolean, Categorical and Text as text.</summary>
internal static class DataViewBuilder
{
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
}
