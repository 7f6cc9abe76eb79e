using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Tests.Evaluation;

/// <summary>The worker's metrics on synthetic predictions, against ML.NET's evaluators on the same predictions: ties,
/// clipping, skipped rows; and a row of weight k against k copies of that row (what a bootstrap resample means).</summary>
public sealed class MetricDefinitionTests
{
    private static BinaryPredictions RandomBinary(int n, int seed, bool probabilities = true)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0).ToArray();
        // Coarse scores (steps of 0.25), so many rows tie, some exactly at the threshold 0.
        var scores = labels.Select(l => (float)Math.Round((random.NextDouble() * 4 - 2 + (l ? 0.8 : 0)) * 4) / 4).ToArray();
        var p = scores.Select(s => (float)(1 / (1 + Math.Exp(-1.3 * s + 0.2)))).ToArray();
        return new BinaryPredictions(labels, scores, probabilities ? p : null);
    }

    [Fact]
    public void Binary_metrics_with_tied_scores_equal_ml_net()
    {
        var predictions = RandomBinary(500, seed: 1);

        MetricAssert.SameAsMlNet(MlNetReference.Binary(predictions), predictions.CreateMetrics());
    }

    [Fact]
    public void Binary_metrics_without_probabilities_have_no_log_loss()
    {
        var predictions = RandomBinary(300, seed: 2, probabilities: false);

        MetricAssert.SameAsMlNet(MlNetReference.Binary(predictions), predictions.CreateMetrics());
        Assert.DoesNotContain(MetricNames.LogLoss, predictions.CreateMetrics().Names);
    }

    [Fact]
    public void Binary_rows_with_a_non_finite_score_are_skipped_as_ml_net_skips_them()
    {
        var predictions = RandomBinary(200, seed: 3);
        predictions.Scores[5] = float.NaN;
        predictions.Scores[17] = float.PositiveInfinity;

        MetricAssert.SameAsMlNet(MlNetReference.Binary(predictions), predictions.CreateMetrics());
    }

    [Fact]
    public void Binary_precision_and_f1_without_positive_predictions_are_0_as_in_ml_net()
    {
        var predictions = new BinaryPredictions([true, false, true, false], [-1f, -2f, -0.5f, -3f], [0.3f, 0.1f, 0.4f, 0.05f]);

        var values = MetricAssert.Compute(predictions.CreateMetrics(), [1, 1, 1, 1]);

        MetricAssert.SameAsMlNet(MlNetReference.Binary(predictions), predictions.CreateMetrics());
        Assert.Equal(0, values[MetricNames.PositivePrecision]);
        Assert.Equal(0, values[MetricNames.F1Score]);
    }

    [Fact]
    public void A_certain_wrong_probability_makes_binary_log_loss_infinite_as_in_ml_net()
    {
        var predictions = new BinaryPredictions([true, false, true], [1f, 2f, -1f], [0.7f, 1f, 0.2f]);

        MetricAssert.SameAsMlNet(MlNetReference.Binary(predictions), predictions.CreateMetrics());
        Assert.True(double.IsPositiveInfinity(MetricAssert.Compute(predictions.CreateMetrics(), [1, 1, 1])[MetricNames.LogLoss]));
        // A resample without that row has a finite log-loss: 0 × ∞ is no part of it.
        Assert.True(double.IsFinite(MetricAssert.Compute(predictions.CreateMetrics(), [2, 0, 1])[MetricNames.LogLoss]));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void A_binary_row_of_weight_k_counts_as_k_copies_of_it(int seed)
    {
        var predictions = RandomBinary(300, seed);
        var weights = Weights(predictions.Count, seed);

        MetricAssert.SameAsMlNet(MlNetReference.Binary((BinaryPredictions)predictions.Subset(Copies(weights))),
            new WeightedSet(predictions.CreateMetrics(), weights));
    }

    private static (int[] Labels, float[][] Scores) RandomMulticlass(int n, int classes, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
        var scores = labels.Select(label =>
        {
            // Coarse probabilities so that classes tie; sometimes 0 for the actual class (log-loss clipping).
            var raw = Enumerable.Range(0, classes).Select(c => (float)random.Next(0, 4) + (c == label ? random.Next(0, 3) : 0)).ToArray();
            var sum = raw.Sum();
            return sum == 0 ? raw.Select(_ => 1f / classes).ToArray() : raw.Select(v => v / sum).ToArray();
        }).ToArray();
        return (labels, scores);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    public void Multiclass_metrics_with_tied_scores_and_clipped_log_loss_equal_ml_net(int classes)
    {
        var (labels, scores) = RandomMulticlass(400, classes, seed: classes);
        var topK = MulticlassPredictions.DefaultTopK(classes);
        var predictions = MulticlassPredictions.FromScores(classes, labels, scores, topK);

        Assert.Contains(predictions.LogLoss, loss => loss > 30);
        MetricAssert.SameAsMlNet(MlNetReference.Multiclass(MlNetReference.Multiclass(classes, labels, scores, topK)),
            predictions.CreateMetrics());
    }

    [Fact]
    public void A_multiclass_row_of_weight_k_counts_as_k_copies_of_it()
    {
        var (labels, scores) = RandomMulticlass(300, 3, seed: 5);
        var predictions = MulticlassPredictions.FromScores(3, labels, scores, 3);
        var weights = Weights(labels.Length, seed: 5);
        var copies = Copies(weights);

        MetricAssert.SameAsMlNet(
            MlNetReference.Multiclass(MlNetReference.Multiclass(3, copies.Select(r => labels[r]).ToArray(),
                copies.Select(r => scores[r]).ToArray(), 3)),
            new WeightedSet(predictions.CreateMetrics(), weights));
    }

    [Fact]
    public void The_confusion_matrix_and_per_class_metrics_equal_ml_net()
    {
        var (labels, scores) = RandomMulticlass(400, 4, seed: 9);
        var predictions = MulticlassPredictions.FromScores(4, labels, scores, 3);
        var mlNet = MlNetReference.Multiclass(4, labels, scores, 3).ConfusionMatrix;

        var confusion = ClassReport.Confusion(predictions, ["a", "b", "c", "d"]);
        var perClass = ClassReport.PerClass(confusion);

        for (var actual = 0; actual < 4; actual++)
            for (var predicted = 0; predicted < 4; predicted++)
                Assert.Equal(mlNet.Counts[actual][predicted], confusion.Counts[actual][predicted]);
        string[] names = ["a", "b", "c", "d"];
        for (var c = 0; c < 4; c++)
        {
            MetricAssert.Close(mlNet.PerClassPrecision[c], perClass[names[c]][MetricNames.Precision], "Precision");
            MetricAssert.Close(mlNet.PerClassRecall[c], perClass[names[c]][MetricNames.Recall], "Recall");
            Assert.Equal(labels.Count(l => l == c), perClass[names[c]][MetricNames.Support]);
        }
    }

    private static RegressionPredictions RandomRegression(int n, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => (float)(1000 + random.NextDouble() * 30)).ToArray();
        var scores = labels.Select(l => l + (float)(random.NextDouble() * 6 - 3)).ToArray();
        return new RegressionPredictions(labels, scores);
    }

    [Fact]
    public void Regression_metrics_equal_ml_net_even_for_large_close_labels()
    {
        var predictions = RandomRegression(500, seed: 4);
        predictions.Scores[3] = float.NaN;

        MetricAssert.SameAsMlNet(MlNetReference.Regression(predictions), predictions.CreateMetrics());
    }

    [Fact]
    public void A_regression_row_of_weight_k_counts_as_k_copies_of_it()
    {
        var predictions = RandomRegression(300, seed: 6);
        var weights = Weights(predictions.Count, seed: 6);

        MetricAssert.SameAsMlNet(MlNetReference.Regression((RegressionPredictions)predictions.Subset(Copies(weights))),
            new WeightedSet(predictions.CreateMetrics(), weights));
    }

    // Weights as a resample gives them: mostly 0, 1 and 2, sometimes more.
    private static int[] Weights(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.Next(6) switch { 0 or 1 => 0, 2 or 3 => 1, 4 => 2, _ => random.Next(3, 6) }).ToArray();
    }

    // Row i repeated weights[i] times, in place.
    private static int[] Copies(int[] weights) =>
        weights.SelectMany((w, row) => Enumerable.Repeat(row, w)).ToArray();

    /// <summary>A metric set whose "all ones" are the given weights, to compare with ML.NET on the copied rows.</summary>
    private sealed class WeightedSet(IMetricSet inner, int[] weights) : IMetricSet
    {
        public IReadOnlyList<string> Names => inner.Names;
        public int Rows => weights.Sum();
        public void Compute(ReadOnlySpan<int> ones, Span<double> values) => inner.Compute(weights, values);
    }
}
