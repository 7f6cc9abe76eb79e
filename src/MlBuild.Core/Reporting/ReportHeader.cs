using System.Text;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting;

/// <summary>
/// The top of the markdown report: a title with the overall status, the commits compared and the run, and an
/// overview table with one row per model (its primary metric and its checks), then the legend of the colours.
/// </summary>
internal static class ReportHeader
{
    /// <summary>The title line, the commits line and the notes that concern the whole report.</summary>
    public static string Title(EvaluationReport report)
    {
        var markdown = new StringBuilder("## ").Append(Status(report)).Append("\n\n");
        markdown.Append(Commits(report)).Append("\n\n");
        var failed = report.Models.Any(m => m.Failed);
        if (failed && report.Context.GateFailuresAsWarnings)
            markdown.Append("Failures are reported as warnings (MlBuildGateFailuresAsWarnings): the build does not fail.\n\n");
        // Said once here rather than under every chart; without any baseline there is nothing to chart anyway.
        if (report.Context.History is { Note: { } note } history && report.Models.Any(m => m.Evaluation.HasBaseline))
            markdown.Append("<sub>History charts: ").Append(history.Versions.Count switch
            {
                0 => "no history",
                1 => "1 commit of history",
                var n => $"{n} commits of history",
            }).Append(", as ").Append(MarkdownText.Escape(note)).Append(".</sub>\n\n");
        return markdown.ToString();
    }

    /// <summary>One row per model, in the report's order (failures first); none for a single model, whose section
    /// follows at once.</summary>
    public static (string Head, IReadOnlyList<string> Rows) Overview(EvaluationReport report)
    {
        var table = new MarkdownTable(" ", "model", "primary metric", ">baseline", ">candidate", ">delta", "checks");
        foreach (var model in report.Models)
        {
            var evaluation = model.Evaluation;
            var primary = MetricCatalog.PrimaryMetric(evaluation.Task) is { } metric ? evaluation.Find(metric.Name) : null;
            var baseline = evaluation.BaselineStatus == BaselineStatus.NotInBaseline ? "new model"
                : primary is null ? "-" : ReportCells.Baseline(primary);
            table.Add(ModelSection.Mark(model), MarkdownText.Escape(model.Name),
                primary is null ? "-" : $"{MarkdownText.Escape(primary.Name)} {primary.Metric.Arrow}",
                baseline, primary is null ? "-" : ReportCells.Candidate(primary), primary is null ? "-" : MetricTables.Delta(primary),
                MarkdownText.Escape(Checks(model)));
        }
        return report.Models.Count > 1 ? (table.Head, table.RowLines.ToList()) : ("", []);
    }

    public static string Legend => "<sub>" + DeltaMarker.Legend + "</sub>\n\n";

    /// <summary>"❌ MlBuild evaluation of Iris.csproj: 1 gate failed in 1 of 2 models, 1 warning".</summary>
    private static string Status(EvaluationReport report)
    {
        var of = report.Context.Project is { Length: > 0 } project ? " of " + MarkdownText.Escape(project) : "";
        var models = report.Models;
        if (models.Count == 0)
            return $"MlBuild evaluation{of}: no model was evaluated";
        var failedGates = models.Sum(m => m.FailedCount);
        var failedExpectations = models.Sum(m => m.FailedExpectationCount);
        var failedModels = models.Count(m => m.Failed);
        var gates = models.Sum(m => m.GateOutcomes.Count);
        var notEvaluated = models.Sum(m => m.GateOutcomes.Count(o => o.Status == Gates.GateStatus.NotEvaluated));
        var expectations = models.Sum(m => m.Evaluation.Result?.ExpectationsChecked ?? 0);
        var warnings = models.Sum(m => m.WarningCount);

        string status;
        if (failedModels > 0)
        {
            var what = string.Join(" and ", new[] { Counted(failedGates, "gate"), Counted(failedExpectations, "expectation") }
                .Where(t => t.Length > 0));
            status = $"❌ MlBuild evaluation{of}: {what} failed" + (models.Count > 1 ? $" in {failedModels} of {models.Count} models" : "");
        }
        else
        {
            var what = gates == 0 && expectations == 0 ? "no gates declared"
                : notEvaluated > 0 ? $"no gate failed, {Counted(notEvaluated, "gate")} not evaluated"
                : gates > 0 && expectations > 0 ? "all gates and expectations pass"
                : gates > 0 ? "all gates pass"
                : "all expectations pass";
            status = $"✅ MlBuild evaluation{of}: {what}";
        }
        return warnings > 0 ? $"{status}, {Counted(warnings, "warning")}" : status;
    }

    /// <summary>"Candidate [`a1b2c3d`](…) (#12) · baseline [`3f2a1b9`](…) (origin/main) · [workflow run](…)".</summary>
    private static string Commits(EvaluationReport report)
    {
        var context = report.Context;
        var parts = new List<string>();
        if (context.Candidate is { } candidate)
        {
            var text = "Candidate " + Commit(candidate.Sha, candidate.ShortSha, context);
            if (context.PullRequest is { } number)
                text += $" (#{number})";
            if (candidate.HasUncommittedChanges)
                text += " (with uncommitted changes)";
            parts.Add(text);
        }
        else
        {
            parts.Add("Candidate: the working tree");
        }
        if (report.BaselineCommit is { Length: > 0 } baseline)
            parts.Add("baseline " + Commit(baseline, CommitInfo.Of(baseline).ShortSha, context)
                + (report.BaselineRef is { Length: > 0 } name ? $" ({MarkdownText.Escape(name)})" : ""));
        else
            parts.Add("baseline: " + MarkdownText.Escape(report.BaselineDescription));
        if (context.RunUrl is { } run)
        {
            parts.Add($"[workflow run]({run})");
            // GitHub cannot show an HTML file in a comment: the plots travel as an artifact of the run.
            parts.Add($"📈 plots: report.html in the [run's artifacts]({run}#artifacts)");
        }
        return string.Join(" · ", parts);
    }

    /// <summary>The short sha as code, linked to the commit on GitHub when the full sha and the repository are known.</summary>
    private static string Commit(string sha, string shortSha, ReportContext context)
    {
        var code = shortSha.All(char.IsAsciiHexDigit) ? $"`{shortSha}`" : MarkdownText.Escape(shortSha);
        return GitSha.IsValid(sha) && context.CommitUrl(sha) is { } url ? $"[{code}]({url})" : code;
    }

    /// <summary>"1 gate", "3 gates"; "" for none.</summary>
    private static string Counted(int count, string noun) => count switch
    {
        0 => "",
        1 => $"1 {noun}",
        _ => $"{count} {noun}s",
    };

    /// <summary>"2 gates, 1 failed; 1 of 40 expectations failed".</summary>
    private static string Checks(ModelReport model)
    {
        var text = ReportCells.GateSummary(model);
        var checkedCount = model.Evaluation.Result?.ExpectationsChecked ?? 0;
        if (checkedCount > 0)
            text += model.FailedExpectationCount > 0
                ? $"; {model.FailedExpectationCount} of {checkedCount} expectations failed"
                : $"; {Counted(checkedCount, "expectation")} passed";
        return text;
    }
}
