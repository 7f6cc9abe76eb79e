using System.Text;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting.Html.Charts;

namespace MlBuild.Core.Reporting.Html;

/// <summary>
/// One model's section of the HTML report: its status and what failed, the metric table (values with their 95%
/// intervals, the baseline's, the paired change and its interval, the gates), what changed in its recipe, then its
/// plots: the task's own (<see cref="BinaryCharts"/>, <see cref="MulticlassCharts"/>, <see cref="RegressionCharts"/>),
/// those of every task (<see cref="MetricCharts"/>) and the data profile (<see cref="DataProfileCharts"/>).
/// </summary>
internal static class HtmlModelSection
{
    public static (string Html, IReadOnlyList<ReportChart> Charts) Render(ModelReport model, EvaluationReport report, int index)
    {
        var evaluation = model.Evaluation;
        var prefix = $"{HtmlReportPart.IdPrefix}m{index}-";
        var charts = BinaryCharts.For(evaluation, prefix)
            .Concat(MulticlassCharts.For(evaluation, prefix))
            .Concat(RegressionCharts.For(evaluation, prefix))
            .Concat(MetricCharts.For(model, report, prefix))
            .Concat(DataProfileCharts.For(evaluation, prefix))
            .ToList();

        var html = new StringBuilder();
        html.Append($"<section class=\"model\" id=\"{prefix}section\">\n");
        html.Append($"<h2>{(model.Failed ? "<span class=\"badge fail\">failed</span>" : "<span class=\"badge pass\">passed</span>")} {HtmlText.Escape(model.Name)} <small>{HtmlText.Escape(evaluation.Task)}</small></h2>\n");
        html.Append($"<p class=\"summary\">{HtmlText.Escape(ReportCells.Summary(model, report))}</p>\n");
        Failures(html, model);
        html.Append(HtmlMetricTable.Render(model));
        Changes(html, evaluation);
        html.Append("<div class=\"charts\">\n");
        foreach (var chart in charts)
            Figure(html, chart);
        html.Append("</div>\n");
        Expectations(html, model, report);
        html.Append("</section>\n");
        return (html.ToString(), charts);
    }

    private static void Failures(StringBuilder html, ModelReport model)
    {
        var failed = model.Outcomes.Where(o => o.Status is GateStatus.Failed or GateStatus.Warning).ToList();
        if (failed.Count == 0)
            return;
        html.Append("<ul class=\"failures\">\n");
        foreach (var outcome in failed)
            html.Append($"<li class=\"{(outcome.Status == GateStatus.Failed ? "fail" : "warn")}\">{HtmlText.Escape(outcome.Message)}</li>\n");
        html.Append("</ul>\n");
    }

    private static void Changes(StringBuilder html, ModelEvaluation evaluation)
    {
        var items = new List<string>();
        if (evaluation.TrainerChange is { } trainer)
            items.Add($"trainer: {trainer.Baseline ?? "(not set)"} → {trainer.Candidate ?? "(not set)"}");
        items.AddRange(evaluation.ParamChanges.Select(p => $"{p.Name}: {p.Baseline ?? "(not set)"} → {p.Candidate ?? "(not set)"}"));
        items.AddRange(evaluation.DataChanges.Select(d => $"{d.Path}: {d.Kind.ToString().ToLowerInvariant()}"));
        if (items.Count == 0)
            return;
        html.Append("<details class=\"changes\"><summary>What changed since the baseline</summary><ul>\n");
        foreach (var item in items)
            html.Append("<li>").Append(HtmlText.Escape(item)).Append("</li>\n");
        html.Append("</ul></details>\n");
    }

    private static void Figure(StringBuilder html, ReportChart chart)
    {
        html.Append($"<figure class=\"chart\" id=\"{chart.Id}\" data-series=\"{string.Join(' ', chart.Series)}\">");
        html.Append($"<figcaption>{HtmlText.Escape(chart.Title)}</figcaption>");
        html.Append($"<div class=\"chart-body\" role=\"img\" aria-label=\"{HtmlText.Escape(chart.Title)}\"></div>");
        if (chart.Caption is { } caption)
            html.Append($"<p class=\"caption\">{HtmlText.Escape(caption)}</p>");
        html.Append("</figure>\n");
    }

    private static void Expectations(StringBuilder html, ModelReport model, EvaluationReport report)
    {
        if (model.Evaluation.Result is not { FailedExpectations.Count: > 0 } result)
            return;
        html.Append($"<h3>Failed expectations: {result.FailedExpectations.Count} of {result.ExpectationsChecked}</h3><ul class=\"failures\">\n");
        foreach (var failure in result.FailedExpectations)
        {
            var file = report.ProjectDirectory is null ? failure.File
                : Path.GetRelativePath(report.ProjectDirectory, failure.File).Replace('\\', '/');
            html.Append($"<li class=\"fail\">{HtmlText.Escape($"{file}:{failure.Line}")}: expected {HtmlText.Escape(failure.Expected)}, got {HtmlText.Escape(failure.Actual)}</li>\n");
        }
        html.Append("</ul>\n");
    }
}
