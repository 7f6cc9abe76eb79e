namespace MlBuild.Data.Statistics;

/// <summary>Quantiles of sorted values.</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile by linear interpolation between order statistics (Hyndman and Fan's
    /// type 7, the default of R and NumPy): x[h] with h = (n − 1)·p, interpolated between its neighbours.</summary>
    public static double Linear(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("No values.", nameof(sorted));
        var h = (sorted.Count - 1) * Math.Clamp(p, 0, 1);
        var low = (int)Math.Floor(h);
        if (low >= sorted.Count - 1)
            return sorted[^1];
        return sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
    }

    /// <summary><paramref name="count"/> + 1 evenly spaced quantiles, from the minimum (p = 0) to the maximum (p = 1).</summary>
    public static double[] Evenly(IReadOnlyList<double> sorted, int count) =>
        Enumerable.Range(0, count + 1).Select(j => Linear(sorted, (double)j / count)).ToArray();

    /// <summary>The smallest value with at least a share <paramref name="p"/> of the values at or below it (type 1): always
    /// a value of the data, so that bins with these edges keep equal values together.</summary>
    public static double Lower(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("No values.", nameof(sorted));
        var rank = (int)Math.Ceiling(Math.Clamp(p, 0, 1) * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
