using Microsoft.ML;
using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Bootstrap;
using MlBuild.Worker.Evaluation.Scoring;

namespace MlBuild.Worker.Training;

/// <summary>The 95% bootstrap interval of each test-set metric the training reports, seeded with the item's Seed, for
/// the lock file: a later evaluation can then tell a real change from noise even without this model at hand.</summary>
internal static class MetricIntervals
{
    /// <param name="metrics">ML.NET's values: each interval keeps its metric's value as reported, with the bounds of
    /// the worker's own computation of it on 1000 resamples (the same values on the test set, to ~1e-9).</param>
    public static SortedDictionary<string, MetricEstimate> Compute(ModelTask task, IDataView scored, string label,
        IReadOnlyDictionary<string, double> metrics, int seed)
    {
        var predictions = PredictionReader.Read(task, scored, label);
        var estimates = Bootstrapper.Run([predictions.CreateMetrics()], Bootstrapper.DefaultResamples, seed).Estimates(0);
        var intervals = new SortedDictionary<string, MetricEstimate>(StringComparer.Ordinal);
        foreach (var (name, value) in metrics)
            if (estimates.TryGetValue(name, out var estimate))
                intervals[name] = estimate with { Value = value };
        return intervals;
    }
}
