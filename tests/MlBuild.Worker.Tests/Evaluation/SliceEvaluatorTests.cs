using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Evaluation.Slices;

namespace MlBuild.Worker.Tests.Evaluation;

public sealed class SliceEvaluatorTests
{
    [Fact]
    public void The_most_frequent_values_get_a_slice_each_ties_by_value_and_the_rest_is_other()
    {
        string[] values = ["b", "a", "c", "b", "a", "d", "c", "c"];

        var groups = SliceEvaluator.Group(values, maxValues: 2);

        Assert.Equal(["c", "a", "(other)"], groups.Select(g => g.Value));
        Assert.Equal([[2, 6, 7], [1, 4], [0, 3, 5]], groups.Select(g => g.Rows.ToArray()));
    }

    [Fact]
    public void Without_other_values_there_is_no_other_slice()
    {
        var groups = SliceEvaluator.Group(["x", "y", "x"], maxValues: 10);

        Assert.Equal(["x", "y"], groups.Select(g => g.Value));
    }

    private static SliceValue Value(string value, int rows, params (string Name, double Value)[] metrics) => new()
    {
        Value = value,
        Rows = rows,
        Metrics = new SortedDictionary<string, MetricEstimate>(
            metrics.ToDictionary(m => m.Name, m => new MetricEstimate(m.Value, m.Value, m.Value)), StringComparer.Ordinal),
    };

    [Fact]
    public void The_worst_binary_slice_has_the_lowest_auc_or_accuracy_when_it_has_one_class_and_at_least_5_rows()
    {
        SliceValue[] slices =
        [
            Value("a", 50, (MetricNames.AreaUnderRocCurve, 0.8), (MetricNames.Accuracy, 0.9)),
            Value("tiny", 4, (MetricNames.AreaUnderRocCurve, 0.1), (MetricNames.Accuracy, 0.1)),
            Value("one class", 8, (MetricNames.Accuracy, 0.75)),
            Value("b", 30, (MetricNames.AreaUnderRocCurve, 0.78), (MetricNames.Accuracy, 0.95)),
        ];

        Assert.Equal("one class", SliceEvaluator.Worst(slices, ModelTask.BinaryClassification));
    }

    [Fact]
    public void The_worst_regression_slice_has_the_highest_root_mean_squared_error_not_the_lowest_r_squared()
    {
        SliceValue[] slices =
        [
            Value("flat", 40, (MetricNames.RSquared, -0.5), (MetricNames.RootMeanSquaredError, 0.4)),
            Value("wide", 40, (MetricNames.RSquared, 0.9), (MetricNames.RootMeanSquaredError, 3.5)),
        ];

        Assert.Equal("wide", SliceEvaluator.Worst(slices, ModelTask.Regression));
    }

    [Fact]
    public void No_slice_of_5_rows_means_no_worst() =>
        Assert.Null(SliceEvaluator.Worst([Value("a", 3, (MetricNames.MacroAccuracy, 0.2))], ModelTask.MulticlassClassification));

    [Fact]
    public void Each_slice_has_the_metrics_of_its_own_rows()
    {
        var predictions = new RegressionPredictions([1f, 2f, 3f, 10f, 20f, 30f], [1f, 2f, 3f, 12f, 22f, 32f]);

        var result = SliceEvaluator.Evaluate("kind", ["exact", "exact", "exact", "off", "off", "off"], 10, predictions, baseline: null,
            ModelTask.Regression, resamples: 100, seed: 1);

        Assert.Equal(["exact", "off"], result.Values.Select(v => v.Value));
        Assert.Equal(new MetricEstimate(0, 0, 0), result.Values[0].Metrics[MetricNames.MeanAbsoluteError]);
        Assert.Equal(new MetricEstimate(2, 2, 2), result.Values[1].Metrics[MetricNames.MeanAbsoluteError]);
        Assert.Null(result.Worst);
    }
}
