using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting;

/// <summary>
/// A model's primary metric along the baseline branch's history, then the candidate: the points of its chart.
/// A point is a commit that recorded a new version of the model (a new fingerprint): commits that changed only
/// other models' entries add no point. Without history (a shallow clone, a baseline from a file) the baseline's
/// value stands alone before the candidate's.
/// </summary>
internal sealed record PrimaryMetricHistory(MetricDefinition Metric, IReadOnlyList<ChartPoint> Points, int Commits)
{
    /// <summary>The history of the model's primary metric; null when there are not two points to draw a line between
    /// (a new model, no baseline) or the task has no primary metric.</summary>
    public static PrimaryMetricHistory? For(ModelReport model, EvaluationReport report)
    {
        var evaluation = model.Evaluation;
        if (MetricCatalog.PrimaryMetric(evaluation.Task) is not { } metric
            || evaluation.Find(metric.Name) is not { Candidate: { } candidate } comparison)
            return null;

        var points = new List<ChartPoint>();
        string? lastFingerprint = null;
        foreach (var version in report.Context.History?.Versions ?? [])
        {
            if (!version.Models.TryGetValue(model.Name, out var entry) || !entry.Metrics().TryGetValue(metric.Name, out var value))
                continue;
            if (entry.Fingerprint is { } fingerprint && fingerprint == lastFingerprint)
                continue;
            lastFingerprint = entry.Fingerprint;
            points.Add(new ChartPoint(version.ShortCommit, value));
        }
        var commits = points.Count;
        if (points.Count == 0 && comparison.Baseline is { } baseline)
            points.Add(new ChartPoint(report.BaselineCommit is { } sha ? CommitInfo.Of(sha).ShortSha : "baseline", baseline));
        if (points.Count == 0)
            return null;
        var pullRequest = report.Context.PullRequest;
        points.Add(new ChartPoint(pullRequest is { } number ? $"PR #{number}" : "candidate", candidate, IsCandidate: true));
        return new PrimaryMetricHistory(metric, points, commits);
    }
}

internal sealed record ChartPoint(string Label, double Value, bool IsCandidate = false);
