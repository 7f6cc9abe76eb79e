using MlBuild.Data.Statistics;

namespace MlBuild.Data.Tests.Statistics;

/// <summary>How far a sketch's ranks and quantiles are from the exact ones of the sorted values, as a share of n.</summary>
internal static class RankErrors
{
    /// <summary>The largest |estimated − true| rank over every x, as a share of n. The sketch's ranks only change at the
    /// values it holds and the true ones only grow in between, so the supremum is taken at a held value or just below
    /// one: checking both ranks there covers every possible query, not a sample of them.</summary>
    public static double MaxRankError(QuantileSketch sketch, double[] sorted)
    {
        var (values, _) = sketch.SortedView();
        var n = (double)sorted.Length;
        var max = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0 && values[i] == values[i - 1])
                continue;
            var x = values[i];
            max = Math.Max(max, Math.Abs(sketch.RankAtOrBelow(x) - AtOrBelow(sorted, x)) / n);
            max = Math.Max(max, Math.Abs(sketch.RankBelow(x) - Below(sorted, x)) / n);
        }
        return max;
    }

    /// <summary>The largest rank error of the sketch's quantiles at <paramref name="steps"/> + 1 evenly spaced p, as a
    /// share of n: how far the target rank is from the places the returned value holds among the exact values (type 1:
    /// target ⌈pn⌉, 1-based; type 7: target (n − 1)p, 0-based, the value anywhere between two neighbours).</summary>
    public static double MaxQuantileError(QuantileSketch sketch, double[] sorted, int steps = 1000)
    {
        var n = sorted.Length;
        var max = 0.0;
        for (var j = 0; j <= steps; j++)
        {
            var p = (double)j / steps;
            var lower = sketch.Lower(p);
            var target = Math.Clamp((long)Math.Ceiling(p * n), 1, n);
            // 1-based places of the value among the exact values: Below + 1 .. AtOrBelow.
            max = Math.Max(max, Distance(target, Below(sorted, lower) + 1, AtOrBelow(sorted, lower)) / (double)n);
            var linear = sketch.Linear(p);
            // 0-based: a value between x[a] and x[a + 1] sits anywhere from a to a + 1.
            max = Math.Max(max, Distance((n - 1) * p, Below(sorted, linear) - 1, AtOrBelow(sorted, linear)) / n);
        }
        return max;
    }

    public static int AtOrBelow(double[] sorted, double x)
    {
        int low = 0, high = sorted.Length;
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

    public static int Below(double[] sorted, double x)
    {
        int low = 0, high = sorted.Length;
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

    private static double Distance(double target, double from, double to) =>
        target < from ? from - target : target > to ? target - to : 0;
}
