using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting;

/// <summary>The text of a metric row's cells and of a model's header, shared by the console and markdown reports
/// so the two never disagree.</summary>
internal static class ReportCells
{
    public static string Baseline(MetricComparison c) => c.Baseline is { } v ? MetricFormat.Value(c.Metric, v) : "-";

    public static string Candidate(MetricComparison c) => c.Candidate is { } v ? MetricFormat.Value(c.Metric, v) : "-";

    /// <summary>"-3.10 pp" for a rate; other units add the relative change: "+0.50 ms (+35.2 %)".</summary>
    public static string Delta(MetricComparison c)
    {
        if (c.Delta is not { } delta)
            return "-";
        var text = MetricFormat.Delta(c.Metric, delta);
        return c.Metric.IsRate || delta == 0 || c.DeltaPercent is not { } percent ? text : $"{text} ({MetricFormat.Percent(percent)})";
    }

    public static string Interval(MetricComparison c) =>
        c.CandidateInterval is { } interval ? MetricFormat.Interval(c.Metric, interval) : "-";

    public static string DeltaInterval(MetricComparison c) =>
        c.DeltaInterval is { } interval ? MetricFormat.DeltaInterval(c.Metric, interval) : "-";

    public static string Significant(MetricComparison c) => c.Significance switch
    {
        Significance.Significant => "yes",
        Significance.NotSignificant => "no",
        Significance.Unknown => "unknown",
        _ => "-",
    };

    /// <summary>"2 gates, 1 failed; baseline HEAD (3f2a1b9), paired; 30 test rows".</summary>
    public static string Summary(ModelReport model, EvaluationReport report)
    {
        var parts = new List<string> { GateSummary(model), BaselineText(model.Evaluation, report.BaselineDescription) };
        if (model.Evaluation.Result is { TestRows: > 0 } result)
            parts.Add($"{result.TestRows} test rows");
        return string.Join("; ", parts);
    }

    /// <summary>"2 gates, 1 failed", "1 gate, passed", "no gates, 1 warning".</summary>
    public static string GateSummary(ModelReport model)
    {
        var gates = model.GateOutcomes;
        var failed = gates.Count(o => o.Status == Gates.GateStatus.Failed);
        var notEvaluated = gates.Count(o => o.Status == Gates.GateStatus.NotEvaluated);
        var passed = gates.Count(o => o.Status == Gates.GateStatus.Passed);
        var text = gates.Count switch { 0 => "no gates", 1 => "1 gate", var n => $"{n} gates" };
        if (failed > 0)
            text += $", {failed} failed";
        else if (gates.Count > 0 && passed == gates.Count)
            text += gates.Count == 1 ? ", passed" : ", all passed";
        if (notEvaluated > 0)
            text += $", {notEvaluated} not evaluated";
        if (model.WarningCount > 0)
            text += model.WarningCount == 1 ? ", 1 warning" : $", {model.WarningCount} warnings";
        return text;
    }

    public static string BaselineText(ModelEvaluation evaluation, string description) => evaluation.BaselineStatus switch
    {
        BaselineStatus.NoBaseline => description.StartsWith("none", StringComparison.Ordinal)
            ? "no baseline" + description["none".Length..]
            : "no baseline",
        BaselineStatus.NotInBaseline => $"new model: not in baseline {description}",
        _ when evaluation.SameModelAsBaseline => $"baseline {description}, same model",
        BaselineStatus.Paired => $"baseline {description}, paired",
        _ => $"baseline {description}, unpaired (values recorded in its lock file)",
    };
}
