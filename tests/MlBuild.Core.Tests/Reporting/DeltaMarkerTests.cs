using MlBuild.Core.Evaluation;
using MlBuild.Core.Reporting;

namespace MlBuild.Core.Tests.Reporting;

public sealed class DeltaMarkerTests
{
    private static MetricComparison Change(string metric, double baseline, double candidate, Significance significance) => new()
    {
        Metric = MetricCatalog.Find(metric)!, Baseline = baseline, Candidate = candidate, Significance = significance,
    };

    [Fact]
    public void A_lower_error_is_better_and_a_lower_accuracy_is_worse()
    {
        Assert.Equal(DeltaMarker.Better, DeltaMarker.For(Change("RootMeanSquaredError", 6.2, 5.7, Significance.Significant)));
        Assert.Equal(DeltaMarker.Worse, DeltaMarker.For(Change("MacroAccuracy", 0.90, 0.87, Significance.Significant)));
        Assert.Equal(DeltaMarker.Worse, DeltaMarker.For(Change("RootMeanSquaredError", 5.7, 6.2, Significance.Significant)));
        Assert.Equal(DeltaMarker.Better, DeltaMarker.For(Change("MacroAccuracy", 0.87, 0.90, Significance.Significant)));
    }

    [Fact]
    public void A_change_within_noise_or_no_change_is_neutral()
    {
        Assert.Equal(DeltaMarker.Neutral, DeltaMarker.For(Change("MacroAccuracy", 0.90, 0.87, Significance.NotSignificant)));
        Assert.Equal(DeltaMarker.Neutral, DeltaMarker.For(Change("MacroAccuracy", 0.90, 0.90, Significance.Significant)));
    }

    [Fact]
    public void Without_a_baseline_there_is_no_marker() =>
        Assert.Equal("", DeltaMarker.For(new MetricComparison { Metric = MetricCatalog.Find("RSquared")!, Candidate = 0.7 }));

    [Fact]
    public void When_significance_is_unknown_a_scored_metric_shows_its_direction_but_a_small_latency_change_is_noise()
    {
        Assert.Equal(DeltaMarker.Worse, DeltaMarker.For(Change("MacroAccuracy", 0.90, 0.89, Significance.Unknown)));
        Assert.Equal(DeltaMarker.Neutral, DeltaMarker.For(Change("PredictionLatencyP95Ms", 1.00, 1.04, Significance.Unknown)));
        Assert.Equal(DeltaMarker.Worse, DeltaMarker.For(Change("PredictionLatencyP95Ms", 1.00, 1.20, Significance.Unknown)));
        Assert.Equal(DeltaMarker.Better, DeltaMarker.For(Change("ThroughputRowsPerSecond", 1000, 1200, Significance.Unknown)));
    }

    [Fact]
    public void The_markdown_delta_cell_carries_the_marker_before_the_change()
    {
        Assert.Equal("🟢 -0.5000 (-8.1 %)", MetricTables.Delta(Change("RootMeanSquaredError", 6.2, 5.7, Significance.Significant)));
        Assert.Equal("🔴 -3.00 pp", MetricTables.Delta(Change("MacroAccuracy", 0.90, 0.87, Significance.Significant)));
    }
}
