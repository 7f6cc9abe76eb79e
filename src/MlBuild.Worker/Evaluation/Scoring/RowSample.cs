using System.Reflection;
using Microsoft.ML;
using MlBuild.Worker.DataViews;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>The first rows of a view, copied into memory with the same schema, so that timing single predictions
/// measures the model and not the filters of a split.</summary>
internal static class RowSample
{
    public static InMemoryDataView Take(IDataView view, int count)
    {
        var columns = view.Schema.Select(c => (ViewColumn)typeof(RowSample)
            .GetMethod(nameof(Copy), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(c.Type.RawType).Invoke(null, [view, c, count])!).ToList();
        return new InMemoryDataView(columns, columns.Count == 0 ? 0 : Math.Min(count, RowCount(view, count)));
    }

    private static ViewColumn<T> Copy<T>(IDataView view, DataViewSchema.Column column, int count)
    {
        var values = new List<T>();
        using var cursor = view.GetRowCursor([column]);
        var get = cursor.GetGetter<T>(column);
        while (values.Count < count && cursor.MoveNext())
        {
            var value = default(T)!;
            get(ref value);
            values.Add(value);
        }
        return new ViewColumn<T>(column.Name, column.Type, values.ToArray());
    }

    private static int RowCount(IDataView view, int limit)
    {
        using var cursor = view.GetRowCursor([]);
        var count = 0;
        while (count < limit && cursor.MoveNext())
            count++;
        return count;
    }
}
