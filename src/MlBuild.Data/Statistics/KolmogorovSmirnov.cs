namespace MlBuild.Data.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov statistic D, the largest gap between two cumulative distributions, with the
/// reference given by its quantiles (a profile keeps 101 of them, not the rows).
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>The significance level of the critical value: a D this large happens by chance in 1% of samples.</summary>
    public const double Level = 0.01;

    /// <summary>D between the distribution whose evenly spaced quantiles are <paramref name="quantiles"/> (q₀ the minimum,
    /// q_last the maximum; its CDF taken as linear between them, so exact to within one quantile step, 0.01 for 101) and
    /// the empirical distribution of <paramref name="sorted"/>.</summary>
    public static double Statistic(IReadOnlyList<double> quantiles, IReadOnlyList<double> sorted)
    {
        if (quantiles.Count < 2 || sorted.Count == 0)
            return 0;
        // Both functions are monotone and, between consecutive points of either set, one is constant and the other
        // linear: the largest gap is at one of the points, approached from the left or taken at it.
        var points = quantiles.Concat(sorted).Distinct().Order().ToList();
        var d = 0.0;
        foreach (var x in points)
        {
            d = Math.Max(d, Math.Abs(ReferenceCdf(quantiles, x, inclusive: true) - EmpiricalCdf(sorted, x, inclusive: true)));
            d = Math.Max(d, Math.Abs(ReferenceCdf(quantiles, x, inclusive: false) - EmpiricalCdf(sorted, x, inclusive: false)));
        }
        return d;
    }

    /// <summary>D against a sample held in a sketch: exactly <see cref="Statistic(IReadOnlyList{double}, IReadOnlyList{double})"/>
    /// while the sketch holds every value, else with the sample's CDF read from the sketch's ranks, which moves D by at
    /// most the sketch's rank error (<see cref="QuantileSketch.NormalizedRankErrorBound"/>).</summary>
    public static double Statistic(IReadOnlyList<double> quantiles, QuantileSketch sample)
    {
        if (sample.IsExact)
            return Statistic(quantiles, sample.ExactSortedValues());
        if (quantiles.Count < 2 || sample.Count == 0)
            return 0;
        var (values, _) = sample.SortedView();
        var points = quantiles.Concat(values).Distinct().Order().ToList();
        var n = (double)sample.Count;
        var d = 0.0;
        foreach (var x in points)
        {
            d = Math.Max(d, Math.Abs(ReferenceCdf(quantiles, x, inclusive: true) - sample.RankAtOrBelow(x) / n));
            d = Math.Max(d, Math.Abs(ReferenceCdf(quantiles, x, inclusive: false) - sample.RankBelow(x) / n));
        }
        return d;
    }

    /// <summary>The D that two samples of one distribution, of <paramref name="n"/> and <paramref name="m"/> rows, exceed
    /// with probability <see cref="Level"/>: c(α)·√((n + m)/(n·m)) with c(α) = √(−ln(α/2)/2), 1.628 for α = 0.01.</summary>
    public static double CriticalValue(long n, long m, double level = Level)
    {
        if (n <= 0 || m <= 0)
            return 1;
        return Math.Sqrt(-Math.Log(level / 2) / 2) * Math.Sqrt((double)(n + m) / ((double)n * m));
    }

    /// <summary>P(X ≤ x) (or P(X &lt; x)) for the piecewise linear CDF through (q_j, j/(k − 1)).</summary>
    public static double ReferenceCdf(IReadOnlyList<double> q, double x, bool inclusive)
    {
        var steps = q.Count - 1;
        // The first index whose quantile is above x (inclusive) or at or above x (exclusive).
        var above = inclusive ? UpperBound(q, x) : LowerBound(q, x);
        if (above == 0)
            return 0;
        if (above > steps)
            return 1;
        var j = above - 1;
        var width = q[above] - q[j];
        var within = width > 0 ? (x - q[j]) / width : 0;
        return Math.Clamp((j + within) / steps, 0, 1);
    }

    private static double EmpiricalCdf(IReadOnlyList<double> sorted, double x, bool inclusive) =>
        (double)(inclusive ? UpperBound(sorted, x) : LowerBound(sorted, x)) / sorted.Count;

    private static int UpperBound(IReadOnlyList<double> sorted, double x)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] <= x)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }

    private static int LowerBound(IReadOnlyList<double> sorted, double x)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] < x)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
