using MlBuild.Protocol;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// Merges the candidate's and the baseline's values of every metric and decides whether each change is real.
/// The sources, best first: the worker's run (candidate and, when paired, baseline scored on the same rows), then
/// the lock entries (training time and model size are only there; an unpaired baseline's metrics too).
/// </summary>
internal static class MetricComparer
{
    public static IReadOnlyList<MetricComparison> Compare(string task, EvaluateResult? result, LockEntry candidate,
        LockEntry? baseline)
    {
        var candidateValues = CandidateValues(result, candidate);
        var baselineValues = baseline is null ? new Dictionary<string, Estimate>(StringComparer.Ordinal) : BaselineValues(result, baseline);
        var sameModel = baseline?.ModelFileHash() is { } baselineHash && baselineHash == candidate.ModelFileHash();

        var names = candidateValues.Keys.Union(baselineValues.Keys, StringComparer.Ordinal);
        var metrics = MetricCatalog.InReportOrder(names.Select(MetricCatalog.Describe), task);
        return metrics.Select(metric =>
        {
            var now = candidateValues.GetValueOrDefault(metric.Name);
            var before = baselineValues.GetValueOrDefault(metric.Name);
            var paired = result?.Deltas?.GetValueOrDefault(metric.Name);
            var comparison = new MetricComparison
            {
                Metric = metric,
                Candidate = now?.Value,
                CandidateInterval = now?.Interval,
                Baseline = before?.Value,
                BaselineInterval = before?.Interval,
                DeltaInterval = paired is null ? null : new ValueInterval(paired.Low, paired.High),
            };
            var (significance, basis) = Judge(comparison, sameModel, paired,
                baseline is null || before?.Paired == true ? null : baseline.Intervals().GetValueOrDefault(metric.Name));
            return comparison with { Significance = significance, SignificanceBasis = basis };
        }).ToList();
    }

    private static (Significance, SignificanceBasis) Judge(MetricComparison comparison, bool sameModel,
        PairedDelta? paired, ValueInterval? recordedBaselineInterval)
    {
        if (comparison.Candidate is not { } value || comparison.Baseline is null)
            return (Significance.NoBaseline, SignificanceBasis.None);
        if (sameModel && !IsRunMeasurement(comparison.Metric))
            return (Significance.NotSignificant, SignificanceBasis.SameModel);
        if (paired is not null)
            return (paired.Significant ? Significance.Significant : Significance.NotSignificant, SignificanceBasis.PairedInterval);
        if (comparison.Name == MetaMetrics.ModelSizeBytes)
            return (comparison.Delta == 0 ? Significance.NotSignificant : Significance.Significant, SignificanceBasis.Exact);
        if (recordedBaselineInterval is not null)
            return (recordedBaselineInterval.Contains(value) ? Significance.NotSignificant : Significance.Significant,
                SignificanceBasis.BaselineInterval);
        return (Significance.Unknown, SignificanceBasis.None);
    }

    // Latency, throughput, memory and training time are measured anew each run: the same model file still varies.
    private static bool IsRunMeasurement(MetricDefinition metric) => metric.IsMeta && metric.Name != MetaMetrics.ModelSizeBytes;

    private static Dictionary<string, Estimate> CandidateValues(EvaluateResult? result, LockEntry candidate)
    {
        var values = new Dictionary<string, Estimate>(StringComparer.Ordinal);
        if (result is not null)
        {
            foreach (var (name, estimate) in result.Metrics)
                values[name] = Estimate.Of(estimate, paired: false);
            foreach (var (name, value) in result.Meta)
                values[name] = new Estimate(value, null, false);
        }
        else
        {
            // Not scored in this run: the values recorded when it was trained are still the candidate's.
            var intervals = candidate.Intervals();
            foreach (var (name, value) in candidate.Metrics())
                values[name] = new Estimate(value, intervals.GetValueOrDefault(name), false);
        }
        AddLockMeta(values, candidate);
        return values;
    }

    private static Dictionary<string, Estimate> BaselineValues(EvaluateResult? result, LockEntry baseline)
    {
        var values = new Dictionary<string, Estimate>(StringComparer.Ordinal);
        var intervals = baseline.Intervals();
        foreach (var (name, value) in baseline.Metrics())
            values[name] = new Estimate(value, intervals.GetValueOrDefault(name), false);
        // Scored in this run on the same rows: better than the recorded values, which may come from other rows.
        foreach (var (name, estimate) in result?.BaselineMetrics ?? [])
            values[name] = Estimate.Of(estimate, paired: true);
        foreach (var (name, value) in result?.BaselineMeta ?? [])
            values[name] = new Estimate(value, null, true);
        AddLockMeta(values, baseline);
        return values;
    }

    private static void AddLockMeta(Dictionary<string, Estimate> values, LockEntry entry)
    {
        if (entry.TrainingSeconds() is { } seconds)
            values[MetaMetrics.TrainingSeconds] = new Estimate(seconds, null, false);
        if (entry.ModelSizeBytes() is { } size)
            values[MetaMetrics.ModelSizeBytes] = new Estimate(size, null, false);
    }

    private sealed record Estimate(double Value, ValueInterval? Interval, bool Paired)
    {
        public static Estimate Of(MetricEstimate estimate, bool paired) =>
            new(estimate.Value, new ValueInterval(estimate.Low, estimate.High), paired);
    }
}
