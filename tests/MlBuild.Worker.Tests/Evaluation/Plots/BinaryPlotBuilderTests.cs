using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Evaluation.Plots;

namespace MlBuild.Worker.Tests.Evaluation.Plots;

public sealed class BinaryPlotBuilderTests
{
    private static readonly string[] Classes = ["no", "yes"];

    /// <summary>n rows, about 40% positive, scores normal around −0.4 (negatives) and 0.8 (positives), rounded to
    /// <paramref name="resolution"/> so that many rows tie (with 0.05, about 120 distinct scores: fewer than
    /// MaxCurvePoints, so the curves are not thinned); probabilities the scores' sigmoid.</summary>
    private static BinaryPredictions Realistic(int n, int seed, double resolution = 0.05, bool probabilities = true)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4).ToArray();
        var scores = labels.Select(label =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var score = (label ? 0.8 : -0.4) + normal;
            return (float)(resolution > 0 ? Math.Round(score / resolution) * resolution : score);
        }).ToArray();
        var probability = probabilities ? scores.Select(s => (float)(1 / (1 + Math.Exp(-2 * s)))).ToArray() : null;
        return new BinaryPredictions(labels, scores, probability);
    }

    /// <summary>The predictions with some rows' scores not finite (skipped everywhere) and some rows' probabilities
    /// NaN (left out of the calibration and the probability's histogram only).</summary>
    private static BinaryPredictions WithBadRows(BinaryPredictions predictions)
    {
        var (scores, probabilities) = ((float[])predictions.Scores.Clone(), (float[])predictions.Probabilities!.Clone());
        foreach (var row in new[] { 3, 50, 51, 120, 333 })
            scores[row] = float.NaN;
        scores[77] = float.PositiveInfinity;
        scores[78] = float.NegativeInfinity;
        foreach (var row in new[] { 10, 11, 200 })
            probabilities[row] = float.NaN;
        return predictions with { Scores = scores, Probabilities = probabilities };
    }

    private static int[] Finite(BinaryPredictions predictions) =>
        Enumerable.Range(0, predictions.Count).Where(r => float.IsFinite(predictions.Scores[r])).ToArray();

    private static double Trapezoids(IReadOnlyList<CurvePoint> curve) =>
        curve.Zip(curve.Skip(1), (a, b) => (b.X - a.X) * (a.Y + b.Y) / 2).Sum();

    [Fact]
    public void The_area_under_the_unthinned_roc_points_is_ml_nets_auc_with_tied_scores()
    {
        var predictions = WithBadRows(Realistic(600, seed: 1));
        var distinct = Finite(predictions).Select(r => predictions.Scores[r]).Distinct().Count();
        Assert.InRange(distinct, 50, ModelPlots.MaxCurvePoints - 1);
        Assert.True(distinct < Finite(predictions).Length / 3, "the scores should tie a lot");

        var plots = BinaryPlotBuilder.Build(predictions, Classes);

        // One point per distinct score after (0, 0): nothing thinned.
        Assert.Equal(distinct + 1, plots.Roc.Count);
        Assert.Equal(new CurvePoint(0, 0, null), plots.Roc[0]);
        Assert.Equal((1.0, 1.0), (plots.Roc[^1].X, plots.Roc[^1].Y));
        Assert.Equal(MlNetReference.Binary(predictions)[MetricNames.AreaUnderRocCurve], Trapezoids(plots.Roc), 1e-9);
    }

    [Fact]
    public void A_thinned_roc_curve_keeps_ml_nets_auc_within_half_a_percent_in_at_most_max_curve_points()
    {
        var predictions = Realistic(5000, seed: 2, resolution: 0);
        Assert.True(predictions.Scores.Distinct().Count() > 4 * ModelPlots.MaxCurvePoints);

        var plots = BinaryPlotBuilder.Build(predictions, Classes);

        Assert.InRange(plots.Roc.Count, ModelPlots.MaxCurvePoints / 2, ModelPlots.MaxCurvePoints);
        Assert.InRange(plots.PrecisionRecall.Count, ModelPlots.MaxCurvePoints / 2, ModelPlots.MaxCurvePoints);
        Assert.Equal(new CurvePoint(0, 0, null), plots.Roc[0]);
        Assert.Equal((1.0, 1.0), (plots.Roc[^1].X, plots.Roc[^1].Y));
        Assert.Equal(1.0, plots.PrecisionRecall[^1].X);
        Assert.Equal(MlNetReference.Binary(predictions)[MetricNames.AreaUnderRocCurve], Trapezoids(plots.Roc), 0.005);
        // By descending threshold, as the curve walks from (0, 0) to (1, 1).
        var thresholds = plots.Roc.Skip(1).Select(p => p.Threshold!.Value).ToList();
        Assert.Equal(thresholds.OrderDescending(), thresholds);
        Assert.All(plots.Roc.Zip(plots.Roc.Skip(1)), pair => Assert.True(pair.Second.X >= pair.First.X && pair.Second.Y >= pair.First.Y));
    }

    [Fact]
    public void The_point_at_the_smallest_positive_score_has_ml_nets_precision_and_recall()
    {
        // ML.NET predicts positive when the score is above 0: the rows down to the smallest score above 0.
        var predictions = WithBadRows(Realistic(600, seed: 3));
        var threshold = Finite(predictions).Select(r => predictions.Scores[r]).Where(s => s > 0).Min();
        var mlNet = MlNetReference.Binary(predictions);

        var plots = BinaryPlotBuilder.Build(predictions, Classes);

        var point = Assert.Single(plots.PrecisionRecall, p => p.Threshold == threshold);
        Assert.Equal(mlNet[MetricNames.PositiveRecall], point.X, 1e-9);
        Assert.Equal(mlNet[MetricNames.PositivePrecision], point.Y, 1e-9);
        // The ROC point of the same threshold has the same recall as its true-positive rate, and ML.NET's negative
        // recall is 1 − its false-positive rate.
        var roc = Assert.Single(plots.Roc, p => p.Threshold == threshold);
        Assert.Equal(mlNet[MetricNames.PositiveRecall], roc.Y, 1e-9);
        Assert.Equal(mlNet[MetricNames.NegativeRecall], 1 - roc.X, 1e-9);
    }

    [Fact]
    public void The_precision_recall_curve_ends_at_recall_1_with_the_share_of_positives_as_precision()
    {
        var predictions = WithBadRows(Realistic(600, seed: 4));
        var finite = Finite(predictions);

        var plots = BinaryPlotBuilder.Build(predictions, Classes);

        var last = plots.PrecisionRecall[^1];
        Assert.Equal(1.0, last.X);
        Assert.Equal((double)finite.Count(r => predictions.Labels[r]) / finite.Length, last.Y, 1e-12);
        Assert.Equal(finite.Min(r => predictions.Scores[r]), last.Threshold);
        Assert.Equal(plots.Roc.Count - 1, plots.PrecisionRecall.Count);
        // Recall never decreases as the threshold falls.
        Assert.All(plots.PrecisionRecall.Zip(plots.PrecisionRecall.Skip(1)), pair => Assert.True(pair.Second.X >= pair.First.X));
    }

    [Fact]
    public void Calibration_bins_count_the_rows_with_a_finite_probability_and_their_share_of_positives()
    {
        var predictions = WithBadRows(Realistic(800, seed: 5));
        // Both ends of the probability's range: 1 falls in the last bin, 0 in the first.
        predictions.Probabilities![20] = 1;
        predictions.Probabilities[21] = 0;
        var rows = Finite(predictions).Where(r => float.IsFinite(predictions.Probabilities[r])).ToArray();

        var calibration = BinaryPlotBuilder.Build(predictions, Classes).Calibration!;

        Assert.Equal(rows.Length, calibration.Sum(b => b.Rows));
        Assert.Equal(predictions.Count - 7 - 3, rows.Length);
        var expected = rows.GroupBy(r => Math.Min(ModelPlots.CalibrationBins - 1, (int)Math.Floor(predictions.Probabilities[r] * 10.0)))
            .OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Count, calibration.Count);
        foreach (var (bin, group) in calibration.Zip(expected))
        {
            Assert.Equal(group.Key / 10.0, bin.Low, 1e-12);
            Assert.Equal((group.Key + 1) / 10.0, bin.High, 1e-12);
            Assert.Equal(group.Count(), bin.Rows);
            Assert.Equal((double)group.Count(r => predictions.Labels[r]) / group.Count(), bin.ObservedPositive, 1e-12);
            Assert.Equal(group.Average(r => (double)predictions.Probabilities[r]), bin.MeanPredicted, 1e-9);
            Assert.InRange(bin.MeanPredicted, bin.Low, bin.High);
        }
        Assert.Equal((0.0, 0.9), (calibration[0].Low, calibration[^1].Low));
    }

    [Fact]
    public void The_probability_histogram_counts_each_class_s_rows_with_a_finite_score_and_probability()
    {
        var predictions = WithBadRows(Realistic(800, seed: 6));
        var rows = Finite(predictions).Where(r => float.IsFinite(predictions.Probabilities![r])).ToArray();

        var scores = BinaryPlotBuilder.Build(predictions, Classes).Scores;

        Assert.Equal("Probability", scores.Of);
        Assert.Equal(Classes, scores.Classes);
        Assert.Equal(ModelPlots.HistogramBins + 1, scores.Edges.Count);
        Assert.Equal((0.0, 1.0), (scores.Edges[0], scores.Edges[^1]));
        Assert.Equal(2, scores.Counts.Count);
        Assert.Equal(rows.Count(r => !predictions.Labels[r]), scores.Counts[0].Sum());
        Assert.Equal(rows.Count(r => predictions.Labels[r]), scores.Counts[1].Sum());
        // Each row in the bin its probability falls in.
        for (var c = 0; c < 2; c++)
            for (var bin = 0; bin < ModelPlots.HistogramBins; bin++)
            {
                var (low, high) = (scores.Edges[bin], scores.Edges[bin + 1]);
                var last = bin == ModelPlots.HistogramBins - 1;
                Assert.Equal(rows.Count(r => predictions.Labels[r] == (c == 1) && predictions.Probabilities![r] >= low
                    && (predictions.Probabilities[r] < high || last)), scores.Counts[c][bin]);
            }
    }

    [Fact]
    public void Without_probabilities_the_histogram_is_of_the_score_between_its_extremes_and_there_is_no_calibration()
    {
        var predictions = Realistic(500, seed: 7, probabilities: false);
        predictions.Scores[9] = float.NaN;
        predictions.Scores[10] = float.PositiveInfinity;
        var finite = Finite(predictions);

        var plots = BinaryPlotBuilder.Build(predictions, Classes);

        Assert.Null(plots.Calibration);
        Assert.Equal("Score", plots.Scores.Of);
        Assert.Equal(finite.Min(r => (double)predictions.Scores[r]), plots.Scores.Edges[0]);
        Assert.Equal(finite.Max(r => (double)predictions.Scores[r]), plots.Scores.Edges[^1]);
        Assert.Equal(finite.Count(r => !predictions.Labels[r]), plots.Scores.Counts[0].Sum());
        Assert.Equal(finite.Count(r => predictions.Labels[r]), plots.Scores.Counts[1].Sum());
        Assert.Equal(MlNetReference.Binary(predictions)[MetricNames.AreaUnderRocCurve], Trapezoids(plots.Roc), 1e-9);
    }

    [Fact]
    public void Rows_with_a_non_finite_score_change_no_plot()
    {
        var clean = Realistic(600, seed: 8);
        var withBad = WithBadRows(clean);
        var finite = Finite(withBad);
        var kept = (BinaryPredictions)withBad.Subset(finite);

        var expected = BinaryPlotBuilder.Build(kept, Classes);
        var actual = BinaryPlotBuilder.Build(withBad, Classes);

        Assert.Equal(expected.Roc, actual.Roc);
        Assert.Equal(expected.PrecisionRecall, actual.PrecisionRecall);
        Assert.Equal(expected.Calibration, actual.Calibration);
        Assert.Equal(expected.Scores.Edges, actual.Scores.Edges);
        Assert.Equal(expected.Scores.Counts, actual.Scores.Counts);
    }

    [Fact]
    public async Task A_test_set_without_positives_has_a_flat_roc_curve_and_a_bounded_precision_recall_curve()
    {
        // Many distinct scores, so both curves are thinned: the precision-recall curve is (0, 0) throughout.
        var random = new Random(9);
        var predictions = new BinaryPredictions(new bool[1000], Enumerable.Range(0, 1000).Select(_ => (float)random.NextDouble()).ToArray(), null);

        var plots = await Task.Run(() => BinaryPlotBuilder.Build(predictions, Classes)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new CurvePoint(0, 0, null), plots.Roc[0]);
        Assert.Equal((1.0, 0.0), (plots.Roc[^1].X, plots.Roc[^1].Y));
        Assert.InRange(plots.Roc.Count, 2, ModelPlots.MaxCurvePoints);
        Assert.InRange(plots.PrecisionRecall.Count, 2, ModelPlots.MaxCurvePoints);
        Assert.All(plots.PrecisionRecall, p => Assert.Equal((0.0, 0.0), (p.X, p.Y)));
        Assert.Equal(1000, plots.Scores.Counts[0].Sum());
        Assert.Equal(0, plots.Scores.Counts[1].Sum());
    }
}
