using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Evaluation.Plots;
using MlBuild.Worker.Evaluation.Slices;

namespace MlBuild.Worker.Tests.Evaluation.Plots;

public sealed class RegressionPlotBuilderTests
{
    private static readonly IReadOnlyList<(string Column, IReadOnlyList<string> Values, int MaxValues)> NoSlices = [];

    /// <summary>n rows of labels in [10, 60) and predictions off by up to ±4, with a few wild predictions (three far too
    /// high, two far too low), a few NaN labels and a few NaN scores.</summary>
    private static RegressionPredictions Realistic(int n, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => (float)(10 + random.NextDouble() * 50)).ToArray();
        var scores = labels.Select(l => l + (float)(random.NextDouble() * 8 - 4)).ToArray();
        foreach (var row in new[] { 5, 6, 7 })
            scores[row] += 500;
        foreach (var row in new[] { 8, 9 })
            scores[row] -= 400;
        foreach (var row in new[] { 11, n / 2 })
            labels[row] = float.NaN;
        foreach (var row in new[] { 12, n / 3, n - 1 })
            scores[row] = float.NaN;
        return new RegressionPredictions(labels, scores);
    }

    private static double Residual(RegressionPredictions predictions, int row) =>
        (double)predictions.Scores[row] - predictions.Labels[row];

    private static int[] Valid(RegressionPredictions predictions) =>
        Enumerable.Range(0, predictions.Count).Where(r => !double.IsNaN(Residual(predictions, r))).ToArray();

    /// <summary>Hyndman and Fan's type 7, as R's quantile and NumPy's percentile compute it.</summary>
    private static double Type7(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
    }

    [Fact]
    public void The_residual_histogram_counts_every_valid_row_with_the_wild_ones_in_the_outer_bins()
    {
        var predictions = Realistic(900, seed: 1);
        var valid = Valid(predictions);

        var plots = RegressionPlotBuilder.Build(predictions, null, NoSlices);

        Assert.Equal(predictions.Count - 5, valid.Length);
        Assert.Equal(valid.Length, plots.SampledFrom);
        var (edges, counts) = (plots.Residuals.Edges, plots.Residuals.Counts);
        Assert.Equal(ModelPlots.HistogramBins + 1, edges.Count);
        Assert.Equal(ModelPlots.HistogramBins, counts.Count);
        Assert.Equal(valid.Length, counts.Sum());
        // The edges are the 1st and 99th percentiles of the residuals: the wild rows (under 1% each side) are beyond them.
        var residuals = valid.Select(r => Residual(predictions, r)).ToList();
        Assert.Equal(Type7(residuals, 0.01), edges[0], 1e-9);
        Assert.Equal(Type7(residuals, 0.99), edges[^1], 1e-9);
        Assert.InRange(edges[0], -5, -3);
        Assert.InRange(edges[^1], 3, 5);
        Assert.Equal(residuals.Count(r => r < edges[1]), counts[0]);
        Assert.Equal(residuals.Count(r => r >= edges[^2]), counts[^1]);
        Assert.True(counts[0] >= 2 + residuals.Count(r => r >= edges[0] && r < edges[1]));
        Assert.True(counts[^1] >= 3 + residuals.Count(r => r >= edges[^2] && r <= edges[^1]));
        // Equal widths.
        var width = (edges[^1] - edges[0]) / ModelPlots.HistogramBins;
        Assert.All(edges.Zip(edges.Skip(1), (a, b) => b - a), w => Assert.Equal(width, w, 1e-9));
    }

    [Fact]
    public void Given_edges_are_used_as_they_are_as_for_a_baseline()
    {
        var predictions = Realistic(700, seed: 2);
        // Narrower than the residuals' spread (±4, and the wild rows): the rows beyond ±2 are in the outer bins.
        IReadOnlyList<double> edges = [-2, -1, 0, 1, 2];
        var residuals = Valid(predictions).Select(r => Residual(predictions, r)).ToList();

        var histogram = RegressionPlotBuilder.Build(predictions, edges, NoSlices).Residuals;

        Assert.Same(edges, histogram.Edges);
        Assert.Equal(
            [
                residuals.Count(r => r < -1),
                residuals.Count(r => r >= -1 && r < 0),
                residuals.Count(r => r >= 0 && r < 1),
                residuals.Count(r => r >= 1),
            ],
            histogram.Counts);
        Assert.Equal(residuals.Count, histogram.Counts.Sum());
        Assert.True(histogram.Counts[0] > residuals.Count(r => r >= -2 && r < -1), "the rows below −2 should be in the first bin");
    }

    [Fact]
    public void The_baseline_s_residuals_are_counted_in_the_candidate_s_bins()
    {
        var candidate = Realistic(600, seed: 3);
        var random = new Random(30);
        var baseline = candidate with { Scores = candidate.Labels.Select(l => l + (float)(random.NextDouble() * 30 - 15)).ToArray() };

        var candidatePlots = PlotBuilder.Build(candidate, null, NoSlices, residualEdges: null).Regression!;
        var baselinePlots = PlotBuilder.Build(baseline, null, NoSlices, candidatePlots.Residuals.Edges).Regression!;
        var ownBins = PlotBuilder.Build(baseline, null, NoSlices, residualEdges: null).Regression!;

        Assert.Equal(candidatePlots.Residuals.Edges, baselinePlots.Residuals.Edges);
        Assert.NotEqual(candidatePlots.Residuals.Edges, ownBins.Residuals.Edges);
        Assert.Equal(Valid(baseline).Length, baselinePlots.Residuals.Counts.Sum());
        // A wider spread piles up in the candidate's outer bins.
        Assert.True(baselinePlots.Residuals.Counts[0] > candidatePlots.Residuals.Counts[0]);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(2005)]
    [InlineData(2006)]
    [InlineData(4006)]
    [InlineData(10_000)]
    [InlineData(123_457)]
    public void The_sample_is_every_kth_labelled_row_at_most_max_sampled_predictions_the_same_rows_for_two_models(int n)
    {
        // Realistic leaves out 5 rows: 2000, 2001, 4001 valid rows and others. The baseline scores the same rows.
        var candidate = Realistic(n, seed: n);
        var random = new Random(n + 1);
        var baseline = candidate with
        {
            Scores = candidate.Scores.Select(s => float.IsNaN(s) ? s : s + (float)(random.NextDouble() * 20 - 10)).ToArray(),
        };
        var valid = Valid(candidate);
        // Every k-th row with a label, of those the model scored.
        var labelled = Enumerable.Range(0, n).Where(r => !float.IsNaN(candidate.Labels[r])).ToArray();
        var step = (labelled.Length + ModelPlots.MaxSampledPredictions - 1) / ModelPlots.MaxSampledPredictions;
        var sampled = labelled.Where((_, k) => k % step == 0).Where(r => !float.IsNaN(candidate.Scores[r])).ToArray();

        var mine = RegressionPlotBuilder.Build(candidate, null, NoSlices);
        var theirs = RegressionPlotBuilder.Build(baseline, mine.Residuals.Edges, NoSlices);

        Assert.InRange(mine.Sample.Count, 1, ModelPlots.MaxSampledPredictions);
        Assert.True(mine.Sample.Count > ModelPlots.MaxSampledPredictions / 2 || mine.Sample.Count == valid.Length);
        if (step == 1)
            Assert.Equal(valid, sampled);
        Assert.Equal(valid.Length, mine.SampledFrom);
        Assert.Equal(sampled.Select(r => new PredictedPoint(candidate.Labels[r], candidate.Scores[r])), mine.Sample);
        Assert.Equal(mine.Sample.Select(p => p.Actual), theirs.Sample.Select(p => p.Actual));
        Assert.Equal(sampled.Select(r => (double)baseline.Scores[r]), theirs.Sample.Select(p => p.Predicted));
        Assert.Equal(mine.SampledFrom, theirs.SampledFrom);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(4006)]
    [InlineData(50_000)]
    public void A_baseline_that_cannot_score_other_rows_samples_the_same_rows_but_those(int n)
    {
        // The candidate replaces missing values, the baseline does not: they leave out different rows.
        var candidate = Realistic(n, seed: n);
        var random = new Random(n + 2);
        var baseline = candidate with
        {
            Scores = candidate.Labels.Select(l => random.Next(50) == 0 ? float.NaN : l + (float)(random.NextDouble() * 20 - 10)).ToArray(),
        };
        var labelled = Enumerable.Range(0, n).Where(r => !float.IsNaN(candidate.Labels[r])).ToArray();
        var step = (labelled.Length + ModelPlots.MaxSampledPredictions - 1) / ModelPlots.MaxSampledPredictions;
        var sampled = labelled.Where((_, k) => k % step == 0).ToArray();

        var mine = RegressionPlotBuilder.Build(candidate, null, NoSlices);
        var theirs = RegressionPlotBuilder.Build(baseline, mine.Residuals.Edges, NoSlices);

        Assert.Equal(sampled.Where(r => !float.IsNaN(candidate.Scores[r])).Select(r => new PredictedPoint(candidate.Labels[r], candidate.Scores[r])),
            mine.Sample);
        Assert.Equal(sampled.Where(r => !float.IsNaN(baseline.Scores[r])).Select(r => new PredictedPoint(baseline.Labels[r], baseline.Scores[r])),
            theirs.Sample);
        Assert.True(theirs.Sample.Count < sampled.Length, "some sampled rows should be ones the baseline cannot score");
        Assert.InRange(theirs.Sample.Count, 1, ModelPlots.MaxSampledPredictions);
        Assert.Equal(Valid(baseline).Length, theirs.SampledFrom);
    }

    [Fact]
    public void Residual_percentiles_by_slice_are_type_7_percentiles_of_the_rows_slice_evaluator_groups()
    {
        var predictions = Realistic(1000, seed: 4);
        var random = new Random(40);
        // Frequencies about 40%, 25%, 20%, 10%, 5%: the two most frequent get a slice each, the rest "(other)".
        string[] cities = ["Lyon", "Paris", "Nice", "Lille", "Brest"];
        double[] cumulative = [0.4, 0.65, 0.85, 0.95, 1];
        var values = Enumerable.Range(0, predictions.Count)
            .Select(_ => random.NextDouble()).Select(u => cities[Array.FindIndex(cumulative, c => u < c)]).ToArray();
        var flags = Enumerable.Range(0, predictions.Count).Select(r => r % 3 == 0 ? "yes" : "no").ToArray();

        var bySlice = RegressionPlotBuilder.Build(predictions, null, [("City", values, 2), ("Flag", flags, 10)]).BySlice;

        Assert.Equal(["City", "Flag"], bySlice.Select(s => s.Column));
        foreach (var (slice, (column, sliceValues, maxValues)) in bySlice.Zip(new[] { ("City", values, 2), ("Flag", flags, 10) }))
        {
            var groups = SliceEvaluator.Group(sliceValues, maxValues);
            Assert.Equal(groups.Select(g => g.Value), slice.Values.Select(v => v.Value));
            foreach (var (summary, group) in slice.Values.Zip(groups))
            {
                var residuals = group.Rows.Where(r => !float.IsNaN(predictions.Labels[r]) && !float.IsNaN(predictions.Scores[r]))
                    .Select(r => Residual(predictions, r)).ToList();
                Assert.Equal(residuals.Count, summary.Rows);
                Assert.Equal(Type7(residuals, 0.05), summary.P05, 1e-9);
                Assert.Equal(Type7(residuals, 0.25), summary.P25, 1e-9);
                Assert.Equal(Type7(residuals, 0.50), summary.Median, 1e-9);
                Assert.Equal(Type7(residuals, 0.75), summary.P75, 1e-9);
                Assert.Equal(Type7(residuals, 0.95), summary.P95, 1e-9);
                Assert.Equal(residuals.Average(), summary.Mean, 1e-9);
            }
        }
        Assert.Equal(["Lyon", "Paris", "(other)"], bySlice[0].Values.Select(v => v.Value));
        Assert.Equal(["no", "yes"], bySlice[1].Values.Select(v => v.Value));
        Assert.Equal(Valid(predictions).Length, bySlice[0].Values.Sum(v => v.Rows));
    }

    [Fact]
    public void Residual_percentiles_of_a_small_slice_interpolate_between_ranks()
    {
        // Residuals 1, 2, 3, 4, 5 (and one NaN row left out): type 7 gives 1.2, 2, 3, 4, 4.8.
        var predictions = new RegressionPredictions([10, 10, 10, 10, 10, 10, 0], [13, 11, 15, 12, 14, float.NaN, 7]);
        string[] values = ["a", "a", "a", "a", "a", "a", "b"];

        var slices = RegressionPlotBuilder.Build(predictions, null, [("Letter", values, 5)]).BySlice.Single().Values;

        Assert.Equal(
            [new ResidualSummary("a", 5, 1.2, 2, 3, 4, 4.8, 3), new ResidualSummary("b", 1, 7, 7, 7, 7, 7, 7)],
            slices, new SummaryComparer());
    }

    [Fact]
    public void A_slice_whose_every_row_has_no_residual_is_left_out()
    {
        var predictions = new RegressionPredictions([1, 2, float.NaN, 4], [1.5f, 2.5f, 3, float.NaN]);

        var slices = RegressionPlotBuilder.Build(predictions, null, [("Letter", new[] { "a", "a", "b", "b" }, 5)]).BySlice.Single();

        Assert.Equal(["a"], slices.Values.Select(v => v.Value));
        Assert.Equal(2, slices.Values[0].Rows);
    }

    [Fact]
    public void The_mean_absolute_residual_of_the_whole_sample_is_ml_nets_mean_absolute_error()
    {
        // Under MaxSampledPredictions valid rows: the sample is every valid row.
        var predictions = Realistic(1500, seed: 5);

        var plots = RegressionPlotBuilder.Build(predictions, null, NoSlices);

        Assert.Equal(Valid(predictions).Length, plots.Sample.Count);
        var mae = plots.Sample.Average(p => Math.Abs(p.Predicted - p.Actual));
        MetricAssert.Close(MlNetReference.Regression(predictions)[MetricNames.MeanAbsoluteError], mae, MetricNames.MeanAbsoluteError);
        // A slice of every row has the same residuals: their signed mean.
        var everything = RegressionPlotBuilder.Build(predictions, null, [("All", Enumerable.Repeat("x", predictions.Count).ToArray(), 1)]);
        Assert.Equal(plots.Sample.Average(p => p.Predicted - p.Actual), everything.BySlice[0].Values.Single().Mean, 1e-9);
    }

    [Fact]
    public void No_valid_row_gives_empty_plots_with_placeholder_bins()
    {
        var predictions = new RegressionPredictions([float.NaN, 1], [2, float.NaN]);

        var plots = RegressionPlotBuilder.Build(predictions, null, [("Letter", new[] { "a", "b" }, 5)]);

        Assert.Empty(plots.Sample);
        Assert.Equal(0, plots.SampledFrom);
        Assert.Equal(ModelPlots.HistogramBins, plots.Residuals.Counts.Count);
        Assert.All(plots.Residuals.Counts, c => Assert.Equal(0, c));
        Assert.All(plots.Residuals.Edges, e => Assert.True(double.IsFinite(e)));
        Assert.Empty(plots.BySlice.Single().Values);
    }

    private sealed class SummaryComparer : IEqualityComparer<ResidualSummary>
    {
        public bool Equals(ResidualSummary? x, ResidualSummary? y) =>
            x is not null && y is not null && x.Value == y.Value && x.Rows == y.Rows
            && new[] { x.P05 - y.P05, x.P25 - y.P25, x.Median - y.Median, x.P75 - y.P75, x.P95 - y.P95, x.Mean - y.Mean }
                .All(d => Math.Abs(d) < 1e-9);

        public int GetHashCode(ResidualSummary obj) => obj.Value.GetHashCode();
    }
}
