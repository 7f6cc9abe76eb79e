using Microsoft.ML;

namespace MlBuild.Worker.Training;

/// <summary>Counts rows of views whose count ML.NET does not know up front (a split is a filter).</summary>
internal static class RowCounter
{
    public static int Count(IDataView view)
    {
        if (view.GetRowCount() is { } known)
            return checked((int)known);
        using var cursor = view.GetRowCursor([]);
        var count = 0;
        while (cursor.MoveNext())
            count++;
        return count;
    }

    public static int CountTrue(IDataView view, string column)
    {
        var col = view.Schema[column];
        using var cursor = view.GetRowCursor([col]);
        var getter = cursor.GetGetter<bool>(col);
        var count = 0;
        var value = false;
        while (cursor.MoveNext())
        {
            getter(ref value);
            if (value)
                count++;
        }
        return count;
    }
}
