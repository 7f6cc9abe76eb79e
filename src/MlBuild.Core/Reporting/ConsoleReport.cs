using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting;

/// <summary>
/// The evaluation as the build log shows it at normal verbosity: per model a header line and a fixed-width table
/// (failing gates first), then one line each for what changed in its recipe. Plain ASCII but for the ↑/↓ arrows,
/// so it reads the same in any terminal and CI log.
/// </summary>
internal static class ConsoleReport
{
    /// <summary>The lines of the whole report, models in the report's order, a blank line between models.</summary>
    public static IReadOnlyList<string> Render(EvaluationReport report)
    {
        var lines = new List<string>();
        foreach (var model in report.Models)
        {
            if (lines.Count > 0)
                lines.Add("");
            lines.AddRange(RenderModel(model, report));
        }
        return lines;
    }

    public static IReadOnlyList<string> RenderModel(ModelReport model, EvaluationReport report)
    {
        var lines = new List<string> { $"{model.Name} - {ReportCells.Summary(model, report)}" };
        var table = new TextTable("metric", ">baseline", ">candidate", ">delta", "95% interval", "significant", "gate", "result");
        foreach (var row in MetricRow.For(model))
        {
            var c = row.Comparison;
            table.Add($"{c.Name} {c.Metric.Arrow}".TrimEnd(), ReportCells.Baseline(c), ReportCells.Candidate(c),
                ReportCells.Delta(c), ReportCells.Interval(c), ReportCells.Significant(c), row.GateText, row.Result);
        }
        lines.AddRange(table.Render("  "));
        lines.AddRange(Details(model));
        return lines;
    }

    private static IEnumerable<string> Details(ModelReport model)
    {
        var evaluation = model.Evaluation;
        var changes = evaluation.TrainerChange is { } trainer ? [trainer, .. evaluation.ParamChanges] : evaluation.ParamChanges;
        if (changes.Count > 0)
            yield return "  params changed: " + string.Join(", ", changes.Select(p => $"{p.Name} {p.Baseline ?? "(not set)"} -> {p.Candidate ?? "(not set)"}"));
        if (evaluation.DataChanges.Count > 0)
            yield return "  data changed: " + string.Join(", ", evaluation.DataChanges.Select(d => $"{d.Path} ({d.Kind.ToString().ToLowerInvariant()})"));
        if (evaluation.Result is not { } result)
            yield break;
        foreach (var slices in result.Slices)
        {
            var worst = slices.Values.FirstOrDefault(v => v.Value == slices.Worst);
            if (worst is null)
                continue;
            var value = SliceRanking.RankedBy(worst, evaluation.Task) is var (metric, ranked)
                ? $"{metric.Name} {MetricFormat.Value(metric, ranked)}, " : "";
            yield return $"  worst {slices.Column} slice: {worst.Value} ({value}{worst.Rows} rows)";
        }
        if (result.ExpectationsChecked > 0)
            yield return result.FailedExpectations.Count == 0
                ? $"  expectations: all {result.ExpectationsChecked} passed"
                : $"  expectations: {result.FailedExpectations.Count} of {result.ExpectationsChecked} failed";
    }
}
