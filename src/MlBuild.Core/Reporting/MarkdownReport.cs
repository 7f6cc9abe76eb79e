namespace MlBuild.Core.Reporting;

/// <summary>
/// report.md: the evaluation for the people reviewing a change, as a pull-request comment and a step summary.
/// From the top: the overall status, the commits compared and the run; one overview row per model; then per model
/// (failing models first) what failed, its quality metrics (failing gates first, each change coloured by what it
/// means for that metric), its runtime and size, what changed in its recipe, and collapsed sections with the chart
/// of its primary metric over the base branch's history, failed expectations, slices, per-class metrics and the
/// confusion matrix. Every name from the project is escaped, and the whole stays within a size budget
/// (<see cref="ReportBudget"/>). Golden files of it: tests/MlBuild.Core.Tests/Reporting/Golden.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>GitHub refuses a comment over 65,536 characters. The poster puts a hidden marker line on top, and
    /// characters are counted as UTF-16 units here, at least as many as GitHub counts: this leaves room for both.</summary>
    public const int DefaultBudget = 60_000;

    public static string Render(EvaluationReport report, int budget = DefaultBudget)
    {
        var title = ReportHeader.Title(report);
        if (report.Models.Count == 0)
            return title.TrimEnd('\n') + "\n";
        var (overviewHead, overviewRows) = ReportHeader.Overview(report);
        var sections = report.Models.Select(m => ModelSection.Create(m, report)).ToList();
        return ReportBudget.Fit(new ReportLayout(title, overviewHead, overviewRows, ReportHeader.Legend, sections, report.Context.RunUrl), budget);
    }
}
