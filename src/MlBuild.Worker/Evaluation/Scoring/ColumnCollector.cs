using Microsoft.ML;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>
/// Gathers one column's value of every row, as text (<see cref="ColumnText"/>), from a cursor that another reader
/// moves: how the slice columns ride along the candidate's scoring pass instead of reading the test file once more
/// each. Equal values share one string, so a slice column costs a reference a row, not a string a row.
/// </summary>
internal sealed class ColumnCollector(DataViewSchema.Column column)
{
    private readonly List<string> _values = [];
    private readonly Dictionary<string, string> _distinct = new(StringComparer.Ordinal);
    private Func<string>? _read;

    public DataViewSchema.Column Column => column;

    public IReadOnlyList<string> Values => _values;

    /// <summary>Binds to the cursor that will be moved (it must have the column active); starts over.</summary>
    public void Bind(DataViewRow cursor)
    {
        _values.Clear();
        _read = ColumnText.Reader(cursor, column);
    }

    /// <summary>The current row's value.</summary>
    public void Collect()
    {
        var value = _read!();
        if (!_distinct.TryGetValue(value, out var shared))
            _distinct[value] = shared = value;
        _values.Add(shared);
    }

    /// <summary>The column of <paramref name="scored"/> that is the input's column of that name, unchanged: ML.NET's
    /// transformers append their outputs and keep each input column at its place (hidden when an output takes its
    /// name), so the column at the input's index, of the same name and type, is the input's. Null when a pipeline has
    /// moved or dropped it: then the column is read from the input in a pass of its own.</summary>
    public static DataViewSchema.Column? InputColumnOf(IDataView scored, DataViewSchema.Column input) =>
        input.Index < scored.Schema.Count && scored.Schema[input.Index] is var found
        && found.Name == input.Name && found.Type.Equals(input.Type)
            ? found
            : null;
}
