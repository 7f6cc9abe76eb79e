using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Tests.Evaluation;

public sealed class MetricComparisonTests
{
    private static MetricComparison Compare(string metric, double candidate, double baseline) =>
        new() { Metric = MetricCatalog.Find(metric)!, Candidate = candidate, Baseline = baseline };

    [Fact]
    public void A_difference_at_the_level_of_rounding_is_no_change()
    {
        // The same model's LogLoss as ML.NET computed it and as the worker's bootstrap code did.
        var comparison = Compare("LogLoss", 0.36070000000000005, 0.3607);

        Assert.Equal(0, comparison.Delta);
        Assert.Equal(0, comparison.DeltaPercent);
        Assert.False(comparison.IsRegression);
    }

    [Fact]
    public void A_real_difference_is_kept_exactly()
    {
        var comparison = Compare("RootMeanSquaredError", 5.6, 5.5);

        Assert.Equal(0.1, comparison.Delta!.Value, 12);
        Assert.True(comparison.IsRegression);
    }
}
