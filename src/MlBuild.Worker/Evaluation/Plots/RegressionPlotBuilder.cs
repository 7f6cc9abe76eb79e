using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Bootstrap;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Evaluation.Slices;

namespace MlBuild.Worker.Evaluation.Plots;

/// <summary>
/// A regression model's plot data from its predictions: every k-th test row as (actual, predicted), at most
/// <see cref="ModelPlots.MaxSampledPredictions"/> of them and the same rows for every model; the residuals (predicted
/// minus actual) in equal bins between their 1st and 99th percentiles, so that a few wild rows do not squash the
/// histogram into one bar (they are counted in the outer bins); and the residuals' percentiles per slice value.
/// Rows whose label or score is NaN are left out, as the metrics leave them out.
/// </summary>
internal static class RegressionPlotBuilder
{
    /// <param name="edges">The residual bins to count in: the candidate's, for the baseline; null to choose them.</param>
    /// <param name="slices">Per slice column, its value in each test row, and how many values get a slice.</param>
    public static RegressionPlots Build(RegressionPredictions predictions, IReadOnlyList<double>? edges,
        IReadOnlyList<(string Column, IReadOnlyList<string> Values, int MaxValues)> slices)
    {
        var residuals = new double[predictions.Count];
        for (var i = 0; i < residuals.Length; i++)
            residuals[i] = (double)predictions.Scores[i] - predictions.Labels[i];
        var valid = Enumerable.Range(0, residuals.Length).Where(i => !double.IsNaN(residuals[i])).ToArray();

        // Every k-th labelled row, then those the model scored: the labels are the same for every model, the NaN
        // scores not (a baseline without a missing-value replacement), so the sampled rows are the same rows for all.
        var labelled = Enumerable.Range(0, residuals.Length).Where(i => !float.IsNaN(predictions.Labels[i])).ToArray();
        var step = Math.Max(1, (labelled.Length + ModelPlots.MaxSampledPredictions - 1) / ModelPlots.MaxSampledPredictions);
        var sample = labelled.Where((_, k) => k % step == 0).Where(i => !float.IsNaN(predictions.Scores[i]))
            .Select(i => new PredictedPoint(predictions.Labels[i], predictions.Scores[i])).ToList();

        var sorted = valid.Select(i => residuals[i]).Order().ToArray();
        edges ??= sorted.Length == 0
            ? EqualBins.Edges(0, 0, ModelPlots.HistogramBins)
            : EqualBins.Edges(Percentile.Of(sorted, 0.01), Percentile.Of(sorted, 0.99), ModelPlots.HistogramBins);
        var counts = new long[edges.Count - 1];
        foreach (var residual in sorted)
            counts[EqualBins.BinOf(edges, residual)]++;

        var bySlice = slices.Select(s => new SliceResiduals(s.Column, SliceEvaluator.Group(s.Values, Math.Max(1, s.MaxValues))
            .Select(group => Summary(group.Value, group.Rows.Select(r => residuals[r]).Where(r => !double.IsNaN(r)).Order().ToArray()))
            .Where(summary => summary is not null).Select(summary => summary!).ToList())).ToList();
        return new RegressionPlots(sample, valid.Length, new Histogram1D(edges, counts), bySlice);
    }

    private static ResidualSummary? Summary(string value, double[] sorted) => sorted.Length == 0 ? null
        : new ResidualSummary(value, sorted.Length, Percentile.Of(sorted, 0.05), Percentile.Of(sorted, 0.25),
            Percentile.Of(sorted, 0.5), Percentile.Of(sorted, 0.75), Percentile.Of(sorted, 0.95), sorted.Average());
}
