using Microsoft.ML;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>
/// Gathers one column's value of every row, as text (<see cref="ColumnText"/>), from a cursor that another reader
/// moves: how the slice columns ride along the candidate's scoring pass instead of reading the test file once more
/// each. Equal values share one string, so a slice column costs a reference a row, not a string a row.
/// </summary>
internal sealed class ColumnCollector(DataViewSchema.Column column) : IRowCollector
{
    private readonly List<string> _values = [];
    private readonly Dictionary<string, string> _distinct = new(StringComparer.Ordinal);
    private Func<string>? _read;

    public DataViewSchema.Column Column => column;

    public IReadOnlyList<string> Values => _values;

    public void Bind(DataViewRow cursor)
    {
        _values.Clear();
        _read = ColumnText.Reader(cursor, column);
    }

    public void Collect()
    {
        var value = _read!();
        if (!_distinct.TryGetValue(value, out var shared))
            _distinct[value] = shared = value;
        _values.Add(shared);
    }

    /// <summary>The column of <paramref name="scored"/> that is the input's column of that name, unchanged: ML.NET's
    /// transformers keep every input column and add their outputs after it (hiding it when an output takes its name, as
    /// a normalizer or a missing-value replacement does), so the first column of that name, if of the same type, is the
    /// input's. Not the column at the input's index: a one-hot encoding puts its outputs right after their input,
    /// shifting every later column. Null when a pipeline has dropped or retyped it: then the column is read from the
    /// input in a pass of its own.</summary>
    public static DataViewSchema.Column? InputColumnOf(IDataView scored, DataViewSchema.Column input)
    {
        foreach (var column in scored.Schema)
            if (column.Name == input.Name)
                return column.Type.Equals(input.Type) ? column : null;
        return null;
    }
}
