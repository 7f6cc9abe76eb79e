using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Plots;

namespace MlBuild.Worker.Tests.Evaluation.Plots;

public sealed class CurveThinningTests
{
    /// <summary>A staircase from (0, 0) to (1, 1) of n points, steep at first and flat at the end, as a ROC curve is.</summary>
    private static List<CurvePoint> Staircase(int n, int seed)
    {
        var random = new Random(seed);
        var points = new List<CurvePoint> { new(0, 0, null) };
        for (var i = 1; i < n - 1; i++)
        {
            var x = Math.Min(1, points[^1].X + random.NextDouble() * 2.0 / n);
            var y = Math.Min(1, points[^1].Y + random.NextDouble() * 4.0 / n);
            points.Add(new CurvePoint(x, y, n - i));
        }
        points.Add(new CurvePoint(1, 1, 0));
        return points;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(150)]
    [InlineData(200)]
    public void A_curve_within_the_limit_is_returned_unchanged(int n)
    {
        var curve = Staircase(n, seed: n);

        var thinned = CurveThinning.Thin(curve, maxPoints: 200);

        Assert.Equal(curve, thinned);
    }

    [Theory]
    [InlineData(201, 200)]
    [InlineData(1000, 200)]
    [InlineData(100_000, 200)]
    [InlineData(5000, 3)]
    [InlineData(5000, 2)]
    public void A_longer_curve_keeps_its_first_and_last_points_and_at_most_max_points_of_its_own_in_order(int n, int maxPoints)
    {
        var curve = Staircase(n, seed: n);

        var thinned = CurveThinning.Thin(curve, maxPoints);

        Assert.InRange(thinned.Count, 2, maxPoints);
        Assert.Equal(curve[0], thinned[0]);
        Assert.Equal(curve[^1], thinned[^1]);
        // A subsequence of the curve: every kept point is one of its points, in the curve's order, none twice.
        var positions = thinned.Select(p => curve.IndexOf(p)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    [Fact]
    public void A_long_curve_keeps_close_to_max_points_spread_along_its_length()
    {
        var curve = Staircase(10_000, seed: 4);

        var thinned = CurveThinning.Thin(curve, 200);

        // Evenly spaced along the length: close to the limit, and no gap between kept points much longer than the step.
        Assert.InRange(thinned.Count, 190, 200);
        var along = new double[curve.Count];
        for (var i = 1; i < curve.Count; i++)
            along[i] = along[i - 1] + Math.Abs(curve[i].X - curve[i - 1].X) + Math.Abs(curve[i].Y - curve[i - 1].Y);
        var step = along[^1] / (200 - 1);
        var kept = thinned.Select(p => along[curve.IndexOf(p)]).ToList();
        Assert.All(kept.Zip(kept.Skip(1), (a, b) => b - a), gap => Assert.True(gap < 2 * step, $"gap {gap}, step {step}"));
    }

    [Fact]
    public async Task A_long_curve_of_one_repeated_point_is_thinned_without_hanging()
    {
        // The precision-recall curve of a test set without a positive row: every point is (0, 0), so the curve has no
        // length to space points along.
        var curve = Enumerable.Range(0, 500).Select(i => new CurvePoint(0, 0, 500 - i)).ToList();

        var thinned = await Task.Run(() => CurveThinning.Thin(curve, 200)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(thinned.Count, 2, 200);
        Assert.Equal(curve[0], thinned[0]);
        Assert.Equal(curve[^1], thinned[^1]);
    }
}
