using System.Text;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting.Html;

/// <summary>A model's metrics as an HTML table, in the markdown report's row order (failing gates first): the
/// candidate with its 95% interval, the baseline with its own, the change coloured by what it means for the metric
/// with its paired interval and significance, and the gates with their result. The cells are the markdown report's
/// (<see cref="ReportCells"/>), so the two never disagree.</summary>
internal static class HtmlMetricTable
{
    public static string Render(ModelReport model)
    {
        var evaluation = model.Evaluation;
        var rows = MetricRow.For(model);
        var compared = evaluation.HasBaseline;
        var gated = rows.Any(r => r.Outcomes.Count > 0);
        var html = new StringBuilder("<div class=\"table\"><table class=\"metrics\">\n<thead><tr><th>metric</th><th>candidate</th><th>95% interval</th>");
        if (compared)
            html.Append("<th>baseline</th><th>95% interval</th><th>change</th><th>change 95% interval</th><th>significant</th>");
        if (gated)
            html.Append("<th>gate</th><th>result</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            var c = row.Comparison;
            html.Append($"<tr class=\"{(c.Metric.IsMeta ? "meta" : "quality")}\"><th scope=\"row\">{HtmlText.Escape($"{c.Name} {c.Metric.Arrow}".TrimEnd())}</th>");
            html.Append(Cell(ReportCells.Candidate(c))).Append(Cell(ReportCells.Interval(c)));
            if (compared)
            {
                html.Append(Cell(ReportCells.Baseline(c)));
                html.Append(Cell(c.BaselineInterval is { } interval ? MetricFormat.Interval(c.Metric, interval) : "-"));
                html.Append($"<td class=\"num {Colour(c)}\">{HtmlText.Escape(ReportCells.Delta(c))}</td>");
                html.Append(Cell(ReportCells.DeltaInterval(c))).Append($"<td title=\"{HtmlText.Escape(c.SignificanceReason)}\">{HtmlText.Escape(ReportCells.Significant(c))}</td>");
            }
            if (gated)
                html.Append($"<td>{HtmlText.Escape(row.GateTextWith("≥", "≤"))}</td><td class=\"{Result(row.Outcomes).Class}\">{Result(row.Outcomes).Text}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
        return html.ToString();
    }

    private static string Cell(string text) => $"<td class=\"num\">{HtmlText.Escape(text)}</td>";

    private static string Colour(MetricComparison c) => DeltaMarker.For(c) switch
    {
        DeltaMarker.Better => "better",
        DeltaMarker.Worse => "worse",
        _ => "neutral",
    };

    private static (string Class, string Text) Result(IReadOnlyList<GateOutcome> outcomes) =>
        outcomes.Any(o => o.Status == GateStatus.Failed) ? ("fail", "fail")
        : outcomes.Any(o => o.Status == GateStatus.Warning) ? ("warn", "warning")
        : outcomes.Any(o => o.Status == GateStatus.Passed) ? ("pass", "pass")
        : outcomes.Count > 0 ? ("", "not evaluated")
        : ("", "");
}
