using System.Globalization;
using System.Text;
using MlBuild.Protocol;
using MlBuild.Tasks.Evaluation;
using MlBuild.Tasks.Gates;

namespace MlBuild.Tasks.Reporting;

/// <summary>
/// report.md: the evaluation for people reviewing a change (a pull-request comment, a step summary). Failures come
/// first: failing models, and in each model failing gates; then what changed in the recipe (params, data files)
/// next to the metrics it moved, slices with the worst one marked, failed expectations with file:line, and per
/// class detail for classifiers. Every name from the project is escaped.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(EvaluationReport report)
    {
        var markdown = new StringBuilder();
        markdown.Append("# MlBuild evaluation: ").Append(report.Passed ? "passed" : "**failed**").Append("\n\n");
        markdown.Append("Baseline: ").Append(MarkdownText.Escape(report.BaselineDescription)).Append("\n\n");
        if (report.Models.Count == 0)
        {
            markdown.Append("No model was evaluated.\n");
            return markdown.ToString();
        }

        var summary = new MarkdownTable("model", "result", ">gates", ">failed", "baseline");
        foreach (var model in report.Models)
            summary.Add(MarkdownText.Escape(model.Name), model.Failed ? "**failed**" : "passed",
                model.GateOutcomes.Count.ToString(CultureInfo.InvariantCulture),
                model.FailedCount.ToString(CultureInfo.InvariantCulture),
                MarkdownText.Escape(ReportCells.BaselineText(model.Evaluation, report.BaselineDescription)));
        summary.WriteTo(markdown);

        foreach (var model in report.Models)
            Model(markdown, model, report);
        return markdown.ToString();
    }

    private static void Model(StringBuilder markdown, ModelReport model, EvaluationReport report)
    {
        markdown.Append("## ").Append(MarkdownText.Escape(model.Name)).Append(model.Failed ? ": failed" : "").Append("\n\n");
        markdown.Append(MarkdownText.Escape(ReportCells.Summary(model, report))).Append("\n\n");

        var attention = model.Outcomes.Where(o => o.Status is GateStatus.Failed or GateStatus.Warning)
            .OrderBy(o => o.Status == GateStatus.Failed ? 0 : 1).ToList();
        foreach (var outcome in attention)
            markdown.Append("- **").Append(outcome.Status == GateStatus.Failed ? "Failed" : "Warning").Append("** (")
                .Append(outcome.Code).Append("): ").Append(MarkdownText.Escape(outcome.Message)).Append('\n');
        if (attention.Count > 0)
            markdown.Append('\n');

        Metrics(markdown, model);
        Changes(markdown, model.Evaluation);
        if (model.Evaluation.Result is { } result)
        {
            Slices(markdown, result, model.Evaluation.Task);
            Expectations(markdown, result, report.ProjectDirectory);
            PerClass(markdown, result);
            Confusion(markdown, result);
        }
    }

    private static void Metrics(StringBuilder markdown, ModelReport model)
    {
        var paired = model.Evaluation.BaselineStatus == BaselineStatus.Paired;
        string[] columns = paired
            ? ["metric", ">baseline", ">candidate", ">delta", "95% interval", "delta 95% interval", "significant", "gate", "result"]
            : ["metric", ">baseline", ">candidate", ">delta", "95% interval", "significant", "gate", "result"];
        var table = new MarkdownTable(columns);
        foreach (var row in MetricRow.For(model))
        {
            var c = row.Comparison;
            var result = row.Result == "FAIL" ? "**FAIL**" : row.Result;
            var name = $"{MarkdownText.Escape(c.Name)} {c.Metric.Arrow}".TrimEnd();
            var gate = MarkdownText.Escape(row.GateTextWith("≥", "≤"));
            table.Add(paired
                ? [name, ReportCells.Baseline(c), ReportCells.Candidate(c), ReportCells.Delta(c), ReportCells.Interval(c), ReportCells.DeltaInterval(c), ReportCells.Significant(c), gate, result]
                : [name, ReportCells.Baseline(c), ReportCells.Candidate(c), ReportCells.Delta(c), ReportCells.Interval(c), ReportCells.Significant(c), gate, result]);
        }
        table.WriteTo(markdown);
    }

    private static void Changes(StringBuilder markdown, ModelEvaluation evaluation)
    {
        var changes = evaluation.TrainerChange is { } trainer ? [trainer, .. evaluation.ParamChanges] : evaluation.ParamChanges;
        if (changes.Count > 0)
        {
            markdown.Append("### Params changed\n\n");
            var table = new MarkdownTable("param", "baseline", "candidate");
            foreach (var change in changes)
                table.Add(MarkdownText.Escape(change.Name), Value(change.Baseline), Value(change.Candidate));
            table.WriteTo(markdown);
        }
        if (evaluation.DataChanges.Count > 0)
        {
            markdown.Append("### Data files changed\n\n");
            var table = new MarkdownTable("file", "role", "change", ">baseline size", ">candidate size");
            foreach (var change in evaluation.DataChanges)
                table.Add(MarkdownText.Escape(change.Path), MarkdownText.Escape(change.Role), change.Kind.ToString().ToLowerInvariant(),
                    change.BaselineSize is { } before ? MetricFormat.Bytes(before) : "-",
                    change.CandidateSize is { } after ? MetricFormat.Bytes(after) : "-");
            table.WriteTo(markdown);
        }

        static string Value(string? value) => value is null ? "*(not set)*" : MarkdownText.Escape(value);
    }

    private static void Slices(StringBuilder markdown, EvaluateResult result, string task)
    {
        foreach (var slice in result.Slices)
        {
            markdown.Append("### Slices by ").Append(MarkdownText.Escape(slice.Column)).Append("\n\n");
            var metrics = MetricCatalog.InReportOrder(
                slice.Values.SelectMany(v => v.Metrics.Keys).Distinct(StringComparer.Ordinal).Select(MetricCatalog.Describe), task).ToList();
            var table = new MarkdownTable([MarkdownText.Escape(slice.Column), ">rows", .. metrics.Select(m => ">" + MarkdownText.Escape(m.Name))]);
            foreach (var value in slice.Values)
            {
                var name = MarkdownText.Escape(value.Value);
                if (value.Value == slice.Worst)
                    name = $"**{name}** (worst)";
                table.Add([name, value.Rows.ToString(CultureInfo.InvariantCulture),
                    .. metrics.Select(m => value.Metrics.TryGetValue(m.Name, out var estimate) ? MetricFormat.Value(m, estimate.Value) : "-")]);
            }
            table.WriteTo(markdown);
        }
    }

    private static void Expectations(StringBuilder markdown, EvaluateResult result, string? projectDirectory)
    {
        if (result.FailedExpectations.Count == 0)
            return;
        markdown.Append("### Failed expectations (").Append(result.FailedExpectations.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" of ").Append(result.ExpectationsChecked.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
        foreach (var failure in result.FailedExpectations)
        {
            var file = projectDirectory is null ? failure.File : Path.GetRelativePath(projectDirectory, failure.File).Replace('\\', '/');
            markdown.Append("- ").Append(MarkdownText.Escape($"{file}:{failure.Line}")).Append(": expected ")
                .Append(MarkdownText.Escape(failure.Expected)).Append(", got ").Append(MarkdownText.Escape(failure.Actual)).Append('\n');
        }
        markdown.Append('\n');
    }

    private static void PerClass(StringBuilder markdown, EvaluateResult result)
    {
        if (result.PerClass is not { Count: > 0 } perClass)
            return;
        markdown.Append("### Per class\n\n");
        var table = new MarkdownTable("class", ">precision", ">recall", ">F1", ">support");
        foreach (var (label, metrics) in perClass)
        {
            string Get(string name, string format) =>
                metrics.TryGetValue(name, out var value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
            table.Add(MarkdownText.Escape(label), Get("Precision", "F4"), Get("Recall", "F4"), Get("F1Score", "F4"), Get("Support", "F0"));
        }
        table.WriteTo(markdown);
    }

    private static void Confusion(StringBuilder markdown, EvaluateResult result)
    {
        if (result.Confusion is not { Classes.Count: > 0 } confusion)
            return;
        markdown.Append("### Confusion matrix\n\nRows: actual class; columns: predicted class.\n\n");
        var table = new MarkdownTable(["actual / predicted", .. confusion.Classes.Select(c => ">" + MarkdownText.Escape(c))]);
        for (var i = 0; i < confusion.Classes.Count && i < confusion.Counts.Count; i++)
        {
            var counts = confusion.Counts[i];
            table.Add([MarkdownText.Escape(confusion.Classes[i]),
                .. confusion.Classes.Select((_, j) => j < counts.Count ? Count(counts[j], i == j) : "-")]);
        }
        table.WriteTo(markdown);

        // The diagonal (correct predictions) in bold, so the errors stand out as the plain numbers off it.
        static string Count(long count, bool correct) =>
            correct ? $"**{count.ToString(CultureInfo.InvariantCulture)}**" : count.ToString(CultureInfo.InvariantCulture);
    }
}
