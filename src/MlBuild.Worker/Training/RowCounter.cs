using Microsoft.ML;

namespace MlBuild.Worker.Training;

/// <summary>Counts rows of views whose count ML.NET does not know up front (a split is a filter), in one pass.</summary>
internal static class RowCounter
{
    public static long Count(IDataView view)
    {
        if (view.GetRowCount() is { } known)
            return known;
        using var cursor = view.GetRowCursor([]);
        long count = 0;
        while (cursor.MoveNext())
            count++;
        return count;
    }

    /// <summary>The rows, and those whose boolean <paramref name="column"/> is true.</summary>
    public static (long Rows, long True) CountTrue(IDataView view, string column)
    {
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<bool>(col);
        long rows = 0, count = 0;
        var value = false;
        while (cursor.MoveNext())
        {
            rows++;
            getter(ref value);
            if (value)
                count++;
        }
        return (rows, count);
    }
}
