using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Tests.Evaluation;

public sealed class MetricCatalogTests
{
    [Theory]
    [InlineData("macroaccuracy", "MacroAccuracy")]
    [InlineData("AREAUNDERROCCURVE", "AreaUnderRocCurve")]
    [InlineData(" RSquared ", "RSquared")]
    [InlineData("predictionlatencyp95ms", "PredictionLatencyP95Ms")]
    public void Names_are_found_ignoring_case(string typed, string name) =>
        Assert.Equal(name, MetricCatalog.Find(typed)?.Name);

    [Fact]
    public void An_unknown_name_is_not_found_but_can_still_be_described_without_a_direction()
    {
        Assert.Null(MetricCatalog.Find("Accuracyy"));
        var described = MetricCatalog.Describe("SomeFutureMetric");
        Assert.Equal(MetricDirection.Unknown, described.Direction);
        Assert.Equal(0, described.Worsening(-1));
    }

    [Theory]
    [InlineData("Accuracy", "HigherIsBetter", true)]
    [InlineData("AreaUnderRocCurve", "HigherIsBetter", true)]
    [InlineData("F1Score", "HigherIsBetter", true)]
    [InlineData("PositivePrecision", "HigherIsBetter", true)]
    [InlineData("NegativeRecall", "HigherIsBetter", true)]
    [InlineData("TopKAccuracy", "HigherIsBetter", true)]
    [InlineData("LogLossReduction", "HigherIsBetter", false)]
    [InlineData("RSquared", "HigherIsBetter", false)]
    [InlineData("ThroughputRowsPerSecond", "HigherIsBetter", false)]
    [InlineData("LogLoss", "LowerIsBetter", false)]
    [InlineData("MeanAbsoluteError", "LowerIsBetter", false)]
    [InlineData("RootMeanSquaredError", "LowerIsBetter", false)]
    [InlineData("PredictionLatencyP50Ms", "LowerIsBetter", false)]
    [InlineData("ModelSizeBytes", "LowerIsBetter", false)]
    [InlineData("TrainingSeconds", "LowerIsBetter", false)]
    [InlineData("PeakMemoryBytes", "LowerIsBetter", false)]
    public void Each_metric_has_its_direction_and_rates_are_marked(string name, string direction, bool rate)
    {
        var metric = MetricCatalog.Find(name)!;
        Assert.Equal(direction, metric.Direction.ToString());
        Assert.Equal(rate, metric.IsRate);
    }

    [Fact]
    public void A_regression_is_a_decrease_for_higher_is_better_and_an_increase_for_lower_is_better()
    {
        Assert.True(MetricCatalog.Find("MacroAccuracy")!.Worsening(-0.03) > 0);
        Assert.True(MetricCatalog.Find("MacroAccuracy")!.Worsening(+0.03) < 0);
        Assert.True(MetricCatalog.Find("LogLoss")!.Worsening(+0.03) > 0);
        Assert.True(MetricCatalog.Find("LogLoss")!.Worsening(-0.03) < 0);
        Assert.Equal("↑", MetricCatalog.Find("MacroAccuracy")!.Arrow);
        Assert.Equal("↓", MetricCatalog.Find("LogLoss")!.Arrow);
    }

    [Theory]
    [InlineData("BinaryClassification", "AreaUnderRocCurve")]
    [InlineData("MulticlassClassification", "MacroAccuracy")]
    [InlineData("Regression", "RSquared")]
    public void Each_task_has_its_primary_metric(string task, string primary) =>
        Assert.Equal(primary, MetricCatalog.PrimaryMetric(task)!.Name);

    [Fact]
    public void A_task_has_its_own_metrics_the_shared_ones_and_every_meta_metric_but_not_other_tasks_metrics()
    {
        var binary = MetricCatalog.ForTask("BinaryClassification").Select(m => m.Name).ToList();
        var multiclass = MetricCatalog.ForTask("MulticlassClassification").Select(m => m.Name).ToList();
        var regression = MetricCatalog.ForTask("Regression").Select(m => m.Name).ToList();

        // The names EvaluationProtocol.cs documents for each task.
        Assert.Subset(binary.ToHashSet(), new HashSet<string> { "Accuracy", "AreaUnderRocCurve", "AreaUnderPrecisionRecallCurve", "F1Score",
            "PositivePrecision", "PositiveRecall", "NegativePrecision", "NegativeRecall", "LogLoss", "LogLossReduction" });
        Assert.Subset(multiclass.ToHashSet(), new HashSet<string> { "MicroAccuracy", "MacroAccuracy", "LogLoss", "LogLossReduction", "TopKAccuracy" });
        Assert.Subset(regression.ToHashSet(), new HashSet<string> { "RSquared", "MeanAbsoluteError", "MeanSquaredError", "RootMeanSquaredError" });
        string[] meta = ["TrainingSeconds", "ModelSizeBytes", "PredictionLatencyP50Ms", "PredictionLatencyP95Ms", "ThroughputRowsPerSecond", "PeakMemoryBytes"];
        Assert.All(new[] { binary, multiclass, regression }, names => Assert.Subset(names.ToHashSet(), meta.ToHashSet()));

        Assert.DoesNotContain("RSquared", binary);
        Assert.DoesNotContain("MacroAccuracy", regression);
        Assert.DoesNotContain("AreaUnderRocCurve", multiclass);
        Assert.DoesNotContain("LogLoss", regression);
    }

    [Fact]
    public void Report_order_puts_the_primary_metric_first_and_unknown_names_last()
    {
        var names = MetricCatalog.InReportOrder(
            new[] { "LogLoss", "Zeta", "MicroAccuracy", "MacroAccuracy", "TrainingSeconds" }.Select(MetricCatalog.Describe),
            "MulticlassClassification").Select(m => m.Name);

        Assert.Equal(["MacroAccuracy", "MicroAccuracy", "LogLoss", "TrainingSeconds", "Zeta"], names);
    }
}
