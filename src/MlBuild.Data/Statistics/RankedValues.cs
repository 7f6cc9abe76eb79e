namespace MlBuild.Data.Statistics;

/// <summary>
/// Distinct values in ascending order, each standing for a number of values (its weight), with the cumulative weights:
/// the form in which both an exact count of a column's values (weight = how often each occurs) and a
/// <see cref="QuantileSketch"/> (weight = what each retained value stands for) answer rank and quantile queries. With
/// exact weights, every answer is the one the sorted list of all values gives (<see cref="Quantiles"/>), to the bit.
/// </summary>
/// <param name="Values">Ascending.</param>
/// <param name="CumulativeWeights">Per value, the total weight of it and every value before it; the last is the count.</param>
public sealed record RankedValues(double[] Values, long[] CumulativeWeights)
{
    public long Count => CumulativeWeights.Length == 0 ? 0 : CumulativeWeights[^1];

    /// <summary>From values and how often each occurs, in any order.</summary>
    public static RankedValues FromCounts(IEnumerable<KeyValuePair<double, long>> counts)
    {
        var pairs = counts.ToArray();
        var values = pairs.Select(p => p.Key).ToArray();
        var weights = pairs.Select(p => p.Value).ToArray();
        Array.Sort(values, weights);
        for (var i = 1; i < weights.Length; i++)
            weights[i] += weights[i - 1];
        return new RankedValues(values, weights);
    }

    /// <summary>Type 1: the smallest value with at least a share <paramref name="p"/> of the values at or below it.</summary>
    public double Lower(double p)
    {
        RequireValues();
        var rank = (long)Math.Ceiling(Math.Clamp(p, 0, 1) * Count);
        return ValueAtRank(Math.Clamp(rank, 1, Count) - 1);
    }

    /// <summary>Type 7 (R's and NumPy's default): linear interpolation between the values at ranks ⌊(n−1)p⌋ and the next.</summary>
    public double Linear(double p)
    {
        RequireValues();
        var h = (Count - 1) * Math.Clamp(p, 0, 1);
        var low = (long)Math.Floor(h);
        if (low >= Count - 1)
            return ValueAtRank(Count - 1);
        var lower = ValueAtRank(low);
        return lower + (h - low) * (ValueAtRank(low + 1) - lower);
    }

    /// <summary>The number of values ≤ <paramref name="x"/>.</summary>
    public long RankAtOrBelow(double x)
    {
        var above = UpperBound(x);
        return above == 0 ? 0 : CumulativeWeights[above - 1];
    }

    /// <summary>The number of values &lt; <paramref name="x"/>.</summary>
    public long RankBelow(double x)
    {
        var atOrAbove = LowerBound(x);
        return atOrAbove == 0 ? 0 : CumulativeWeights[atOrAbove - 1];
    }

    /// <summary>The value at 0-based rank <paramref name="j"/>: the first value whose cumulative weight exceeds j.</summary>
    public double ValueAtRank(long j)
    {
        int low = 0, high = CumulativeWeights.Length - 1;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (CumulativeWeights[mid] > j)
                high = mid;
            else
                low = mid + 1;
        }
        return Values[low];
    }

    private void RequireValues()
    {
        if (Count == 0)
            throw new InvalidOperationException("No values.");
    }

    private int UpperBound(double x)
    {
        int low = 0, high = Values.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Values[mid] <= x)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }

    private int LowerBound(double x)
    {
        int low = 0, high = Values.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Values[mid] < x)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
