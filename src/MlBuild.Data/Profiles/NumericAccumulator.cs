using MlBuild.Data.Statistics;

namespace MlBuild.Data.Profiles;

/// <summary>
/// The numeric profile of a column gathered one value at a time in bounded memory: count, minimum and maximum exactly,
/// mean and standard deviation by Welford's running update, and the distribution in a <see cref="QuantileSketch"/>.
/// While the sketch still holds every value, the profile is computed from the sorted values exactly as
/// <see cref="ProfileBuilder.Numbers"/> does (so small files give the same profile, to the bit, as an exact
/// computation); past that, the deciles, histogram counts and percentiles are the sketch's, within its rank error
/// (<see cref="QuantileSketch.NormalizedRankErrorBound"/>).
/// </summary>
public sealed class NumericAccumulator
{
    private readonly QuantileSketch _sketch = new();
    private long _count;
    private double _mean;
    private double _squares;

    public long Count => _count;

    /// <param name="value">A finite value (missing and non-finite values are the caller's to count).</param>
    public void Add(double value)
    {
        _count++;
        var delta = value - _mean;
        _mean += delta / _count;
        _squares += delta * (value - _mean);
        _sketch.Add(value);
    }

    public NumericProfile? ToProfile()
    {
        if (_count == 0)
            return null;
        if (_sketch.IsExact)
            return ProfileBuilder.Numbers(_sketch.ExactSortedValues());
        var deviation = _count > 1 ? Math.Sqrt(_squares / (_count - 1)) : 0;
        var edges = Enumerable.Range(1, ProfileBuilder.HistogramBins - 1)
            .Select(j => _sketch.Lower((double)j / ProfileBuilder.HistogramBins))
            .Distinct().ToArray();
        var counts = new long[edges.Length + 1];
        long below = 0;
        for (var i = 0; i < edges.Length; i++)
        {
            var atOrBelow = _sketch.RankAtOrBelow(edges[i]);
            counts[i] = atOrBelow - below;
            below = atOrBelow;
        }
        counts[^1] = _count - below;
        var quantiles = Enumerable.Range(0, ProfileBuilder.QuantileSteps + 1)
            .Select(j => _sketch.Linear((double)j / ProfileBuilder.QuantileSteps)).ToArray();
        return new NumericProfile(checked((int)_count), _sketch.Min, _sketch.Max, _mean, deviation,
            new Histogram(edges, counts), quantiles);
    }
}
