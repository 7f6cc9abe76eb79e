using MlBuild.Data.Files;

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
        var kind = Enum.Parse<ColumnKind>(reference.Kind);
        if ((reference.Numeric ?? reference.Length) is { } numeric)
        {
            var histogram = numeric.Histogram;
            var actual = new long[histogram.Counts.Count + 1];
            foreach (var value in values)
            {
                var number = kind == ColumnKind.Text
                    ? Values.IsMissing(value) ? double.NaN : value.Length
                    : ProfileBuilder.Number(value);
                actual[double.IsFinite(number) ? histogram.BinOf(number) : histogram.Counts.Count]++;
            }
            var names = Enumerable.Range(0, histogram.Counts.Count).Select(i => BinName(histogram, i)).Append(MissingBin).ToList();
            return new ProfileBins(names, [.. histogram.Counts, reference.Missing], actual);
        }
        if (reference.Categories is { } categories)
        {
            var index = categories.Top.Select((c, i) => (c.Value, i)).ToDictionary(p => p.Value, p => p.i, StringComparer.Ordinal);
            var actual = new long[categories.Top.Count + 2];
            foreach (var value in values)
                actual[Values.IsMissing(value) ? categories.Top.Count + 1
                    : index.TryGetValue(ProfileBuilder.Category(kind, value), out var i) ? i
                    : categories.Top.Count]++;
            var names = categories.Top.Select(c => c.Value).Append(OtherBin).Append(MissingBin).ToList();
            return new ProfileBins(names, [.. categories.Top.Select(c => c.Count), categories.Other, reference.Missing], actual);
        }
        return null;
    }

    private static string BinName(Histogram histogram, int bin) =>
        histogram.Edges.Count == 0 ? "(any)"
        : bin == 0 ? FormattableString.Invariant($"≤ {histogram.Edges[0]:G6}")
        : bin == histogram.Edges.Count ? FormattableString.Invariant($"> {histogram.Edges[^1]:G6}")
        : FormattableString.Invariant($"({histogram.Edges[bin - 1]:G6}, {histogram.Edges[bin]:G6}]");
}
