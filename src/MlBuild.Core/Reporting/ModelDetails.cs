using System.Globalization;
using MlBuild.Protocol;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting;

/// <summary>
/// The collapsed sections of a model: the chart of its primary metric's history, failed expectations, slice
/// tables, per-class metrics and the confusion matrix. Rows are ordered so that shortening a section keeps what
/// matters: the worst slice and the weakest classes first.
/// </summary>
internal static class ModelDetails
{
    /// <summary>Above this many classes a matrix is too wide to read: the most frequent confusions are listed instead.</summary>
    private const int MaxMatrixClasses = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<CollapsedSection> For(ModelReport model, EvaluationReport report)
    {
        var sections = new List<CollapsedSection>();
        if (Chart(model, report) is { } chart)
            sections.Add(chart);
        if (model.Evaluation.Result is not { } result)
            return sections;
        if (Expectations(result, report) is { } expectations)
            sections.Add(expectations);
        sections.AddRange(result.Slices.Select(slice => Slices(slice, model.Evaluation.Task)));
        if (PerClass(result) is { } perClass)
            sections.Add(perClass);
        if (Confusion(result) is { } confusion)
            sections.Add(confusion);
        return sections;
    }

    private static CollapsedSection? Chart(ModelReport model, EvaluationReport report)
    {
        if (PrimaryMetricHistory.For(model, report) is not { } history)
            return null;
        var metric = history.Metric;
        var direction = metric.Direction switch
        {
            MetricDirection.HigherIsBetter => " (higher is better)",
            MetricDirection.LowerIsBetter => " (lower is better)",
            _ => "",
        };
        var chart = MermaidChart.Line($"{model.Name}: {metric.Name}", metric.Name + direction,
            history.Points.Select(p => p.Label).ToList(), history.Points.Select(p => p.Value).ToList(), metric.IsRate);
        var candidate = report.Context.PullRequest is null ? "the candidate" : "this pull request";
        var from = history.Commits switch
        {
            0 => "the baseline",
            1 => $"1 commit up to {report.BaselineRef ?? "the baseline"}",
            var n => $"{n} commits up to {report.BaselineRef ?? "the baseline"}",
        };
        var values = string.Join(" → ", history.Points.Select(p => MetricFormat.Value(metric, p.Value)));
        // Open for a failing model: its reviewer wants to see whether this is a trend or a jump.
        return new CollapsedSection("history chart",
            MarkdownText.EscapeHtml($"📈 {metric.Name}: {from}, then {candidate}: {values}"), chart, open: model.Failed);
    }

    private static CollapsedSection? Expectations(EvaluateResult result, EvaluationReport report)
    {
        if (result.FailedExpectations.Count == 0)
            return null;
        var items = result.FailedExpectations.Select(failure =>
        {
            var file = report.ProjectDirectory is null ? failure.File
                : Path.GetRelativePath(report.ProjectDirectory, failure.File).Replace('\\', '/');
            var where = MarkdownText.Escape($"{file}:{failure.Line}");
            if (report.Context.FileUrl(file, failure.Line) is { } url)
                where = $"[{where}]({url})";
            return $"- {where}: expected {MarkdownText.Escape(failure.Expected)}, got {MarkdownText.Escape(failure.Actual)}\n";
        }).ToList();
        return new CollapsedSection("failed expectations",
            $"❌ Failed expectations: {Count(result.FailedExpectations.Count)} of {Count(result.ExpectationsChecked)}", "", items,
            "failed expectations");
    }

    private static CollapsedSection Slices(SliceResult slice, string task)
    {
        var metrics = MetricCatalog.InReportOrder(
            slice.Values.SelectMany(v => v.Metrics.Keys).Distinct(StringComparer.Ordinal).Select(MetricCatalog.Describe), task).ToList();
        var table = new MarkdownTable([MarkdownText.Escape(slice.Column), ">rows",
            .. metrics.Select(m => $">{MarkdownText.Escape(m.Name)} {m.Arrow}".TrimEnd())]);
        var worst = slice.Values.FirstOrDefault(v => v.Value == slice.Worst);
        // The worst slice first: a shortened table still shows it.
        foreach (var value in slice.Values.OrderBy(v => v == worst ? 0 : 1))
        {
            var name = MarkdownText.Escape(value.Value);
            table.Add([value == worst ? $"⚠️ **{name}** (worst)" : name, Count(value.Rows),
                .. metrics.Select(m => value.Metrics.TryGetValue(m.Name, out var estimate) ? MetricFormat.Value(m, estimate.Value) : "-")]);
        }
        var summary = $"Slices by {slice.Column}: {Counted(slice.Values.Count, "value", "values")}";
        if (worst is not null)
        {
            // The metric the worker ranked the slices by, which is not always the primary one (regression: RMSE).
            var value = SliceRanking.RankedBy(worst, task) is var (metric, ranked)
                ? $"{metric.Name} {MetricFormat.Value(metric, ranked)}, " : "";
            summary += $", worst {worst.Value} ({value}{Count(worst.Rows)} rows)";
        }
        return new CollapsedSection("slices by " + MarkdownText.Escape(slice.Column), MarkdownText.EscapeHtml(summary),
            table.Head, table.RowLines.ToList());
    }

    private static CollapsedSection? PerClass(EvaluateResult result)
    {
        if (result.PerClass is not { Count: > 0 } perClass)
            return null;
        var table = new MarkdownTable("class", ">precision", ">recall", ">F1", ">support");
        // The weakest classes first: a shortened table still shows them.
        foreach (var (label, metrics) in perClass.OrderBy(c => c.Value.GetValueOrDefault("F1Score", double.MaxValue)).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            string Get(string name, string format) =>
                metrics.TryGetValue(name, out var value) ? value.ToString(format, Invariant) : "-";
            table.Add(MarkdownText.Escape(label), Get("Precision", "F4"), Get("Recall", "F4"), Get("F1Score", "F4"), Get("Support", "F0"));
        }
        return new CollapsedSection("per-class metrics", $"Per class: {Counted(perClass.Count, "class", "classes")}, lowest F1 first",
            table.Head, table.RowLines.ToList());
    }

    private static CollapsedSection? Confusion(EvaluateResult result)
    {
        if (result.Confusion is not { Classes.Count: > 0 } confusion)
            return null;
        var classes = confusion.Classes;
        long CountAt(int actual, int predicted) =>
            actual < confusion.Counts.Count && predicted < confusion.Counts[actual].Count ? confusion.Counts[actual][predicted] : 0;

        if (classes.Count > MaxMatrixClasses)
        {
            var list = new MarkdownTable("actual", "predicted", ">count");
            var confusions = Enumerable.Range(0, classes.Count)
                .SelectMany(a => Enumerable.Range(0, classes.Count).Where(p => p != a).Select(p => (a, p, n: CountAt(a, p))))
                .Where(c => c.n > 0)
                .OrderByDescending(c => c.n).ThenBy(c => c.a).ThenBy(c => c.p);
            foreach (var (a, p, n) in confusions)
                list.Add(MarkdownText.Escape(classes[a]), MarkdownText.Escape(classes[p]), Count(n));
            return new CollapsedSection("confusion matrix",
                $"Confusion matrix: {Counted(classes.Count, "class", "classes")}, most frequent confusions", list.Head, list.RowLines.ToList());
        }

        var table = new MarkdownTable(["actual / predicted", .. classes.Select(c => ">" + MarkdownText.Escape(c))]);
        for (var i = 0; i < classes.Count; i++)
        {
            var row = i;
            // The diagonal (correct predictions) in bold, so the errors stand out as the plain numbers off it.
            table.Add([MarkdownText.Escape(classes[i]),
                .. classes.Select((_, j) => j == row ? $"**{Count(CountAt(row, j))}**" : Count(CountAt(row, j)))]);
        }
        return new CollapsedSection("confusion matrix", $"Confusion matrix: {Counted(classes.Count, "class", "classes")}",
            "Rows: actual class; columns: predicted class; correct predictions in bold.\n\n" + table.Head, table.RowLines.ToList());
    }

    private static string Count(long n) => n.ToString(Invariant);

    private static string Counted(long n, string one, string many) => $"{Count(n)} {(n == 1 ? one : many)}";
}
