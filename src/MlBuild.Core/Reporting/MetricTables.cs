using System.Text;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting;

/// <summary>
/// A model's metrics as markdown tables: the quality metrics (scored on the test rows, with their interval and
/// significance), then the runtime and size meta-metrics in a smaller table. Rows come in <see cref="MetricRow.For"/>'s
/// order (failing gates first). Columns with nothing to say are left out: no baseline columns for a model without
/// a baseline, no gate columns for metrics without gates.
/// </summary>
internal static class MetricTables
{
    public static string Quality(IReadOnlyList<MetricRow> rows, ModelEvaluation evaluation) =>
        Render(rows, evaluation, withStatistics: true);

    public static string Runtime(IReadOnlyList<MetricRow> rows, ModelEvaluation evaluation) =>
        rows.Count == 0 ? "" : "**Runtime and size**\n\n" + Render(rows, evaluation, withStatistics: false);

    private static string Render(IReadOnlyList<MetricRow> rows, ModelEvaluation evaluation, bool withStatistics)
    {
        var compared = evaluation.HasBaseline;
        var paired = evaluation.BaselineStatus == BaselineStatus.Paired;
        var gated = rows.Any(r => r.Outcomes.Count > 0);
        var columns = new List<string> { "metric" };
        columns.AddRange(compared ? [">baseline", ">candidate", ">delta"] : [">candidate"]);
        if (withStatistics)
            columns.Add(paired ? "delta 95% interval" : "95% interval");
        if (withStatistics && compared)
            columns.Add("significant");
        if (gated)
            columns.AddRange(["gate", "result"]);

        var table = new MarkdownTable([.. columns]);
        foreach (var row in rows)
        {
            var c = row.Comparison;
            var cells = new List<string> { $"{MarkdownText.Escape(c.Name)} {c.Metric.Arrow}".TrimEnd() };
            cells.AddRange(compared ? [ReportCells.Baseline(c), ReportCells.Candidate(c), Delta(c)] : [ReportCells.Candidate(c)]);
            if (withStatistics)
                cells.Add(paired ? ReportCells.DeltaInterval(c) : ReportCells.Interval(c));
            if (withStatistics && compared)
                cells.Add(ReportCells.Significant(c));
            if (gated)
                cells.AddRange([MarkdownText.Escape(row.GateTextWith("≥", "≤")), Result(row.Outcomes)]);
            table.Add([.. cells]);
        }
        var markdown = new StringBuilder();
        table.WriteTo(markdown);
        return markdown.ToString();
    }

    /// <summary>"🔴 -3.10 pp": the change with its colour for this metric.</summary>
    public static string Delta(MetricComparison c) =>
        DeltaMarker.For(c) is { Length: > 0 } marker ? $"{marker} {ReportCells.Delta(c)}" : ReportCells.Delta(c);

    private static string Result(IReadOnlyList<GateOutcome> outcomes) =>
        outcomes.Any(o => o.Status == GateStatus.Failed) ? "❌ **fail**"
        : outcomes.Any(o => o.Status == GateStatus.Warning) ? "⚠️ warning"
        : outcomes.Any(o => o.Status == GateStatus.Passed) ? "✅ pass"
        : outcomes.Count > 0 ? "not evaluated"
        : "";
}
