using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Data;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>Reads a column of a view as text, one value per row: how slice values and predicted classes are reported,
/// whatever their type (numbers in the invariant culture's shortest form, true/false, a key by the value it stands for).</summary>
internal static class ColumnText
{
    /// <summary>A missing value: an empty text, NaN, or key 0.</summary>
    public const string Missing = "(missing)";

    private const string KeyValues = "KeyValues";

    public static string[] Read(IDataView view, DataViewSchema.Column column)
    {
        var values = new List<string>();
        using var cursor = view.GetRowCursor([column]);
        var read = Reader(cursor, column);
        while (cursor.MoveNext())
            values.Add(read());
        return values.ToArray();
    }

    /// <summary>Reads the column's value of the row the cursor is on, as text.</summary>
    public static Func<string> Reader(DataViewRow cursor, DataViewSchema.Column column) => Formatter(column)(cursor);

    /// <summary>The values a key column stands for, as text, in key order (key 1 first).</summary>
    public static IReadOnlyList<string> KeyNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull(KeyValues) is not { Type: VectorDataViewType vector })
            return Enumerable.Range(1, (int)((KeyDataViewType)column.Type).Count).Select(k => k.ToString()).ToList();
        if (vector.ItemType is TextDataViewType)
        {
            var names = default(VBuffer<ReadOnlyMemory<char>>);
            column.Annotations.GetValue(KeyValues, ref names);
            return names.DenseValues().Select(n => n.ToString()).ToList();
        }
        var numbers = default(VBuffer<float>);
        column.Annotations.GetValue(KeyValues, ref numbers);
        return numbers.DenseValues().Select(LabelPlan.Format).ToList();
    }

    // For each type of column, a function that binds a cursor and then reads its current value as text.
    private static Func<DataViewRow, Func<string>> Formatter(DataViewSchema.Column column) => column.Type switch
    {
        NumberDataViewType { RawType: var t } when t == typeof(float) => row =>
        {
            var get = row.GetGetter<float>(column);
            var value = 0f;
            return () =>
            {
                get(ref value);
                return float.IsNaN(value) ? Missing : LabelPlan.Format(value);
            };
        }
        ,
        BooleanDataViewType => row =>
        {
            var get = row.GetGetter<bool>(column);
            var value = false;
            return () =>
            {
                get(ref value);
                return value ? "true" : "false";
            };
        }
        ,
        TextDataViewType => row =>
        {
            var get = row.GetGetter<ReadOnlyMemory<char>>(column);
            var value = default(ReadOnlyMemory<char>);
            return () =>
            {
                get(ref value);
                return value.Span.IsWhiteSpace() ? Missing : value.ToString();
            };
        }
        ,
        KeyDataViewType => row =>
        {
            var names = KeyNames(column);
            var get = row.GetGetter<uint>(column);
            var value = 0u;
            return () =>
            {
                get(ref value);
                return value == 0 || value > names.Count ? Missing : names[(int)value - 1];
            };
        }
        ,
        _ => throw new NotSupportedException($"Column '{column.Name}' has type {column.Type}, which has no text form."),
    };
}
