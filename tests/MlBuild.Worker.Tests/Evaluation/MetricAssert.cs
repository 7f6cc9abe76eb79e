using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Tests.Evaluation;

internal static class MetricAssert
{
    // The worker sums in a different order than ML.NET (and centres regression labels), so the last digits may differ.
    public const double RelativeTolerance = 1e-6;

    public static void Close(double expected, double actual, string name)
    {
        var tolerance = RelativeTolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance || expected.Equals(actual),
            $"{name}: ML.NET {expected:R}, worker {actual:R}");
    }

    /// <summary>Every metric of the set on all-ones weights equals ML.NET's value of the same name.</summary>
    public static void SameAsMlNet(IReadOnlyDictionary<string, double> mlNet, IMetricSet set)
    {
        var values = Compute(set, Enumerable.Repeat(1, set.Rows).ToArray());
        Assert.Equal(mlNet.Keys.Order(), set.Names.Order());
        foreach (var name in set.Names)
            Close(mlNet[name], values[name], name);
    }

    public static Dictionary<string, double> Compute(IMetricSet set, int[] weights)
    {
        var values = new double[set.Names.Count];
        set.Compute(weights, values);
        return set.Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => values[p.i]);
    }
}
