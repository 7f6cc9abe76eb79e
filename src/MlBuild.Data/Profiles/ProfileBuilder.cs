using System.Globalization;
using MlBuild.Data.Files;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Profiles;

/// <summary>How a profile's parts are computed from values (see <see cref="DataProfile"/>); the values come from one
/// pass over the file (<see cref="Scanning.TrainingFileScan"/>).</summary>
public static class ProfileBuilder
{
    /// <summary>Deciles: ten bins of about a tenth of the training rows each (fewer for columns of few values).</summary>
    public const int HistogramBins = 10;
    /// <summary>Percentiles: the KS statistic from them is within 0.01 of the one from the rows.</summary>
    public const int QuantileSteps = 100;
    /// <summary>Values listed by name; the rest are grouped as "other".</summary>
    public const int TopCategories = 20;

    /// <summary>A numeric field as a double (more exact than the Single ML.NET reads): NaN when missing or not a number.</summary>
    public static double Number(string field) =>
        !Values.IsMissing(field) && double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : double.NaN;

    /// <summary>A categorical field as the profile counts it: booleans as true/false whatever their case.</summary>
    public static string Category(ColumnKind kind, string field) =>
        kind == ColumnKind.Boolean && Values.TryParseBoolean(field, out var b) ? (b ? "true" : "false") : field;

    public static NumericProfile? Numbers(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToArray();
        // Welford's running mean and variance: stable whatever the magnitude of the values.
        double mean = 0, squares = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var delta = sorted[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (sorted[i] - mean);
        }
        var deviation = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;
        var edges = Enumerable.Range(1, HistogramBins - 1)
            .Select(j => Quantiles.Lower(sorted, (double)j / HistogramBins))
            .Distinct().ToArray();
        var histogram = new Histogram(edges, new long[edges.Length + 1]);
        var counts = (long[])histogram.Counts;
        foreach (var value in sorted)
            counts[histogram.BinOf(value)]++;
        return new NumericProfile(sorted.Length, sorted[0], sorted[^1], mean, deviation, histogram,
            Quantiles.Evenly(sorted, QuantileSteps));
    }

    /// <param name="counts">Each distinct value once, with its count.</param>
    public static CategoryProfile Categories(IEnumerable<CategoryCount> counts)
    {
        var ordered = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var top = ordered.Take(TopCategories).ToList();
        var rest = ordered.Skip(TopCategories).ToList();
        return new CategoryProfile(top, rest.Sum(c => c.Count), rest.Count);
    }

    /// <param name="values">Every value, as often as it occurs.</param>
    public static CategoryProfile Categories(IReadOnlyList<string> values) =>
        Categories(values.GroupBy(v => v, StringComparer.Ordinal).Select(g => new CategoryCount(g.Key, g.LongCount())));
}
