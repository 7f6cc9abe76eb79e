using System.Runtime.InteropServices;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Profiles;

/// <summary>
/// The numeric profile of a column gathered one value at a time in bounded memory. While the column has at most
/// <see cref="ExactDistinctValues"/> distinct values, each is counted, and the profile is exactly the one
/// <see cref="ProfileBuilder.Numbers"/> computes from the sorted list of every value, to the bit, however many rows
/// there are: small files, and the codes, counts and ratings of any size, whose deciles fall on ties that a sketch
/// would place ε·n ranks off (the PSI of taxi-fare's rate_code moved by 70% that way). Past that, the values go into a
/// <see cref="QuantileSketch"/>: count, minimum and maximum stay exact, mean and standard deviation come from Welford's
/// running update, and the deciles, histogram counts and percentiles are the sketch's, within its rank error
/// (<see cref="QuantileSketch.NormalizedRankErrorBound"/>).
/// </summary>
public sealed class NumericAccumulator
{
    /// <summary>At about 40 bytes a distinct value, 80 KB a column at most, of the order of the sketch's own 24 KB.</summary>
    public const int ExactDistinctValues = 2048;

    private QuantileSketch? _sketch;
    private Dictionary<double, long>? _counts = [];
    private long _count;
    private double _mean;
    private double _squares;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public long Count => _count;

    /// <param name="value">A finite value (missing and non-finite values are the caller's to count).</param>
    public void Add(double value)
    {
        _count++;
        var delta = value - _mean;
        _mean += delta / _count;
        _squares += delta * (value - _mean);
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (_counts is { } counts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
            if (counts.Count > ExactDistinctValues)
                SwitchToSketch(counts);
        }
        else
            _sketch!.Add(value);
    }

    public NumericProfile? ToProfile()
    {
        if (_count == 0)
            return null;
        if (_counts is { } counts)
        {
            var exact = RankedValues.FromCounts(counts);
            var (mean, deviation) = SortedMoments(exact);
            return Profile(exact, mean, deviation);
        }
        return Profile(_sketch!.SortedView(), _mean, _count > 1 ? Math.Sqrt(_squares / (_count - 1)) : 0);
    }

    // The sketch sees the values counted so far, in ascending order (its error bound holds for any order), then the rest.
    private void SwitchToSketch(Dictionary<double, long> counts)
    {
        _sketch = new QuantileSketch();
        foreach (var (value, count) in counts.OrderBy(p => p.Key))
            for (var i = 0L; i < count; i++)
                _sketch.Add(value);
        _counts = null;
    }

    // Welford's update over the values in ascending order, as ProfileBuilder.Numbers makes it: the same bits.
    private static (double Mean, double Deviation) SortedMoments(RankedValues values)
    {
        double mean = 0, squares = 0;
        long n = 0;
        for (var i = 0; i < values.Values.Length; i++)
        {
            var value = values.Values[i];
            for (var end = values.CumulativeWeights[i]; n < end;)
            {
                n++;
                var delta = value - mean;
                mean += delta / n;
                squares += delta * (value - mean);
            }
        }
        return (mean, n > 1 ? Math.Sqrt(squares / (n - 1)) : 0);
    }

    private NumericProfile Profile(RankedValues values, double mean, double deviation)
    {
        var edges = Enumerable.Range(1, ProfileBuilder.HistogramBins - 1)
            .Select(j => values.Lower((double)j / ProfileBuilder.HistogramBins))
            .Distinct().ToArray();
        var counts = new long[edges.Length + 1];
        long below = 0;
        for (var i = 0; i < edges.Length; i++)
        {
            var atOrBelow = values.RankAtOrBelow(edges[i]);
            counts[i] = atOrBelow - below;
            below = atOrBelow;
        }
        counts[^1] = _count - below;
        var quantiles = Enumerable.Range(0, ProfileBuilder.QuantileSteps + 1)
            .Select(j => values.Linear((double)j / ProfileBuilder.QuantileSteps)).ToArray();
        // The extremes as seen: a sketch need not have kept them.
        return new NumericProfile(checked((int)_count), _min, _max, mean, deviation,
            new Histogram(edges, counts), quantiles);
    }
}
