using MlBuild.Data.Files;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Profiles;

/// <summary>
/// The bins a column's distribution is compared in, with the reference's counts from its profile and another
/// sample's counts from its values: the histogram's bins for numbers (and for the length of text), the listed values
/// plus "other" for categories, and for every kind a bin of missing values, so that a column that starts arriving empty
/// counts as a shift too.
/// </summary>
public sealed record ProfileBins(IReadOnlyList<string> Names, IReadOnlyList<long> Expected, IReadOnlyList<long> Actual)
{
    public const string MissingBin = "(missing)";
    public const string OtherBin = "(other)";

    /// <returns>Null when the profile has no distribution for the column (every training value missing).</returns>
    public static ProfileBins? Compare(ColumnProfile reference, IEnumerable<string> values)
    {
        if (Counter.For(reference) is not { } counter)
            return null;
        foreach (var value in values)
            counter.Add(value);
        return counter.Bins;
    }

    private static string BinName(Histogram histogram, int bin) =>
        histogram.Edges.Count == 0 ? "(any)"
        : bin == 0 ? FormattableString.Invariant($"≤ {histogram.Edges[0]:G6}")
        : bin == histogram.Edges.Count ? FormattableString.Invariant($"> {histogram.Edges[^1]:G6}")
        : FormattableString.Invariant($"({histogram.Edges[bin - 1]:G6}, {histogram.Edges[bin]:G6}]");

    /// <summary>Counts values into a reference column's bins one at a time, so that a file of any size is compared in
    /// one pass.</summary>
    public sealed class Counter
    {
        private readonly ColumnProfile _reference;
        private readonly ColumnKind _kind;
        private readonly Histogram? _histogram;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _index;
        private readonly long[] _actual;
        private readonly int _missing;
        private readonly int _other;

        private Counter(ColumnProfile reference)
        {
            _reference = reference;
            _kind = Enum.Parse<ColumnKind>(reference.Kind);
            _histogram = (reference.Numeric ?? reference.Length)?.Histogram;
            var top = reference.Categories?.Top ?? [];
            _index = top.Select((c, i) => (c.Value, i)).ToDictionary(p => p.Value, p => p.i, StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>();
            _actual = new long[_histogram is { } h ? h.Counts.Count + 1 : top.Count + 2];
            _missing = _actual.Length - 1;
            _other = top.Count;
        }

        /// <returns>Null when the profile has no distribution for the column (every training value missing).</returns>
        public static Counter? For(ColumnProfile reference) =>
            reference.Numeric is null && reference.Length is null && reference.Categories is null ? null : new Counter(reference);

        public void Add(string value)
        {
            var number = _histogram is null ? double.NaN
                : _kind == ColumnKind.Text ? Values.IsMissing(value) ? double.NaN : value.Length
                : ProfileBuilder.Number(value);
            Add(value, number);
        }

        /// <summary>Adds the record's value of <paramref name="field"/>.</summary>
        public void Add(RecordCursor record, int field)
        {
            if (_histogram is null)
            {
                AddCategory(record, field);
                return;
            }
            double number;
            if (_kind == ColumnKind.Text)
                number = record.IsMissing(field) ? double.NaN : record.Text(field).Length;
            else if (!record.TryGetDouble(field, out number))
                number = double.NaN;
            _actual[double.IsFinite(number) ? _histogram.BinOf(number) : _missing]++;
        }

        private void Add(string value, double number)
        {
            if (_histogram is not null)
            {
                _actual[double.IsFinite(number) ? _histogram.BinOf(number) : _missing]++;
                return;
            }
            _actual[Values.IsMissing(value) ? _missing
                : _index.TryGetValue(ProfileBuilder.Category(_kind, value), out var i) ? i
                : _other]++;
        }

        private void AddCategory(RecordCursor record, int field)
        {
            if (record.IsMissing(field))
            {
                _actual[_missing]++;
                return;
            }
            int i;
            var found = _kind == ColumnKind.Boolean && record.TryGetBoolean(field, out var b)
                ? _index.TryGetValue(b ? "true" : "false", out i)
                : _index.TryGetValue(record.Text(field), out i);
            _actual[found ? i : _other]++;
        }

        public ProfileBins Bins
        {
            get
            {
                if (_histogram is { } histogram)
                {
                    var names = Enumerable.Range(0, histogram.Counts.Count).Select(i => BinName(histogram, i)).Append(MissingBin).ToList();
                    return new ProfileBins(names, [.. histogram.Counts, _reference.Missing], _actual.ToArray());
                }
                var categories = _reference.Categories!;
                return new ProfileBins(categories.Top.Select(c => c.Value).Append(OtherBin).Append(MissingBin).ToList(),
                    [.. categories.Top.Select(c => c.Count), categories.Other, _reference.Missing], _actual.ToArray());
            }
        }
    }
}
