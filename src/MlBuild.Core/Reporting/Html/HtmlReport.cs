using System.Text;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting.Html;

/// <summary>
/// report.html: the evaluation to look at rather than read, beside report.md. The same verdicts and numbers as the
/// markdown report (its cells, <see cref="ReportCells"/>), and per model the plots its task calls for, the baseline
/// overlaid on every one. This renders one project's part; <see cref="HtmlDocument"/> makes the self-contained file
/// of one part or of several (a solution's projects).
/// </summary>
internal static class HtmlReport
{
    public static HtmlReportPart Render(EvaluationReport report)
    {
        var title = "MlBuild evaluation" + (report.Context.Project is { Length: > 0 } project ? " of " + project : "");
        var html = new StringBuilder();
        html.Append($"<header class=\"part\" id=\"{HtmlReportPart.IdPrefix}top\"><h1>{(report.Passed ? "<span class=\"badge pass\">passed</span>" : "<span class=\"badge fail\">failed</span>")} {HtmlText.Escape(title)}</h1>\n");
        html.Append("<p class=\"commits\">").Append(Commits(report)).Append("</p>\n");
        if (!report.Passed && report.Context.GateFailuresAsWarnings)
            html.Append("<p>Failures are reported as warnings (MlBuildGateFailuresAsWarnings): the build does not fail.</p>\n");
        html.Append("</header>\n");
        if (report.Models.Count == 0)
            html.Append("<p>No model was evaluated.</p>\n");
        if (report.Models.Count > 1)
            Overview(html, report);
        var charts = new List<ReportChart>();
        foreach (var (model, i) in report.Models.Select((m, i) => (m, i)))
        {
            var (section, modelCharts) = HtmlModelSection.Render(model, report, i);
            html.Append(section);
            charts.AddRange(modelCharts);
        }
        return new HtmlReportPart { Title = title, Passed = report.Passed, Body = html.ToString(), Charts = charts };
    }

    /// <summary>"Candidate 3f2a1b9 (with uncommitted changes) against baseline HEAD (1a2b3c4) · run · PR #12", linked
    /// where the run is known.</summary>
    private static string Commits(EvaluationReport report)
    {
        var context = report.Context;
        var parts = new List<string>();
        if (context.Candidate is { } candidate)
        {
            var sha = HtmlText.Escape(candidate.ShortSha);
            var link = context.CommitUrl(candidate.Sha) is { } url ? $"<a href=\"{HtmlText.Escape(url)}\">{sha}</a>" : sha;
            parts.Add($"candidate {link}{(candidate.HasUncommittedChanges ? " with uncommitted changes" : "")}");
        }
        parts.Add("baseline " + HtmlText.Escape(report.BaselineDescription));
        if (context.PullRequest is { } number && context.RepositoryUrl is { } repository)
            parts.Add($"<a href=\"{HtmlText.Escape($"{repository}/pull/{number}")}\">pull request #{number}</a>");
        if (context.RunUrl is { } run)
            parts.Add($"<a href=\"{HtmlText.Escape(run)}\">workflow run</a>");
        return string.Join(" · ", parts);
    }

    private static void Overview(StringBuilder html, EvaluationReport report)
    {
        html.Append("<div class=\"table\"><table class=\"overview\"><thead><tr><th>model</th><th>primary metric</th><th>baseline</th><th>candidate</th><th>change</th><th>checks</th></tr></thead><tbody>\n");
        foreach (var (model, i) in report.Models.Select((m, i) => (m, i)))
        {
            var evaluation = model.Evaluation;
            var primary = MetricCatalog.PrimaryMetric(evaluation.Task) is { } metric ? evaluation.Find(metric.Name) : null;
            html.Append($"<tr class=\"{(model.Failed ? "fail" : "pass")}\"><th scope=\"row\"><a href=\"#{HtmlReportPart.IdPrefix}m{i}-section\">{HtmlText.Escape(model.Name)}</a></th>");
            html.Append($"<td>{HtmlText.Escape(primary?.Name ?? "-")}</td>");
            html.Append($"<td class=\"num\">{HtmlText.Escape(primary is null ? "-" : ReportCells.Baseline(primary))}</td>");
            html.Append($"<td class=\"num\">{HtmlText.Escape(primary is null ? "-" : ReportCells.Candidate(primary))}</td>");
            html.Append($"<td class=\"num\">{HtmlText.Escape(primary is null ? "-" : ReportCells.Delta(primary))}</td>");
            html.Append($"<td>{HtmlText.Escape(ReportCells.GateSummary(model))}</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }
}
