using System.Globalization;
using MlBuild.Core.Evaluation;
using MlBuild.Definitions;
using MlBuild.Protocol;
using static MlBuild.Core.Reporting.Html.ChartStyle;

namespace MlBuild.Core.Reporting.Html.Charts;

/// <summary>A multiclass classifier's plots: the confusion matrix as a heatmap (each cell's count, coloured by its
/// share of the actual class's rows), the baseline's beside it, and per-class precision and recall as bars, the
/// baseline's next to the candidate's.</summary>
internal static class MulticlassCharts
{
    public static IEnumerable<ReportChart> For(ModelEvaluation evaluation, string idPrefix)
    {
        if (evaluation.Task != ModelTasks.MulticlassClassification || evaluation.Result?.Confusion is not { } candidate)
            yield break;
        var baseline = evaluation.Result.BaselineConfusion;
        yield return Confusion(idPrefix + "confusion", candidate, baseline);
        if (evaluation.Result.PerClass is { } perClass)
            yield return PerClass(idPrefix + "per-class", candidate.Classes, perClass, evaluation.Result.BaselinePerClass);
    }

    private static ReportChart Confusion(string id, ConfusionMatrix candidate, ConfusionMatrix? baseline)
    {
        var withBaseline = baseline is not null;
        var matrices = withBaseline ? new[] { (Candidate, candidate), (Baseline, baseline!) } : [(Candidate, candidate)];
        var values = matrices.SelectMany(m => m.Item2.Classes.SelectMany((actual, a) =>
        {
            var rowTotal = m.Item2.Counts[a].Sum();
            return m.Item2.Classes.Select((predicted, p) =>
            {
                var count = m.Item2.Counts[a][p];
                var share = rowTotal > 0 ? (double)count / rowTotal : 0;
                return new
                {
                    model = m.Item1,
                    actual,
                    predicted,
                    count,
                    share = ChartJson.Number(share),
                    label = string.Create(CultureInfo.InvariantCulture, $"{count} · {share * 100:0}%"),
                    correct = a == p,
                };
            });
        })).ToList();
        var classes = candidate.Classes;
        var size = Math.Clamp(44 * classes.Count, 160, 480);
        var spec = new
        {
            data = new { values },
            facet = new { column = new { field = "model", type = "nominal", title = (string?)null, sort = Models(withBaseline) } },
            spec = new
            {
                width = size,
                height = size,
                encoding = new
                {
                    x = new { field = "predicted", type = "nominal", sort = classes, title = "predicted class", axis = new { labelAngle = -40 } },
                    y = new { field = "actual", type = "nominal", sort = classes, title = "actual class" },
                },
                layer = new object[]
                {
                    new
                    {
                        mark = new { type = "rect", stroke = "#ffffff" },
                        encoding = new
                        {
                            color = new { field = "share", type = "quantitative", title = "share of the actual class", scale = new { domain = new[] { 0, 1 }, scheme = "blues" }, legend = new { orient = "bottom", gradientLength = 160 } },
                            tooltip = new object[]
                            {
                                new { field = "model", type = "nominal" }, new { field = "actual", type = "nominal" },
                                new { field = "predicted", type = "nominal" }, new { field = "count", type = "quantitative" },
                                new { field = "share", type = "quantitative", format = ".1%" },
                            },
                        },
                    },
                    new
                    {
                        mark = new { type = "text", fontSize = 11 },
                        encoding = new
                        {
                            text = new { field = "label", type = "nominal" },
                            color = new { condition = new { test = "datum.share > 0.5", value = "#ffffff" }, value = "#111827" },
                        },
                    },
                },
            },
        };
        return new ReportChart(id, "Confusion matrix", Models(withBaseline), ChartJson.Node(spec),
            "Counts, and each cell's share of its actual class (rows sum to 100%).");
    }

    private static ReportChart PerClass(string id, IReadOnlyList<string> classes,
        SortedDictionary<string, SortedDictionary<string, double>> candidate,
        SortedDictionary<string, SortedDictionary<string, double>>? baseline)
    {
        var withBaseline = baseline is not null;
        var models = withBaseline ? new[] { (Candidate, candidate), (Baseline, baseline!) } : [(Candidate, candidate)];
        var values = models.SelectMany(m => classes.Where(m.Item2.ContainsKey).SelectMany(c =>
            new[] { MetricNames.Precision, MetricNames.Recall }.Select(metric => new
            {
                model = m.Item1,
                @class = c,
                metric,
                value = ChartJson.Number(m.Item2[c].GetValueOrDefault(metric)),
                support = m.Item2[c].GetValueOrDefault(MetricNames.Support),
            }))).ToList();
        var spec = new
        {
            data = new { values },
            facet = new { column = new { field = "metric", type = "nominal", title = (string?)null } },
            spec = new
            {
                width = Math.Clamp(36 * classes.Count, 160, 480),
                height = Height - 40,
                mark = new { type = "bar" },
                encoding = new
                {
                    x = new { field = "class", type = "nominal", sort = classes, title = (string?)null, axis = new { labelAngle = -40 } },
                    xOffset = new { field = "model", type = "nominal", sort = Models(withBaseline) },
                    y = new { field = "value", type = "quantitative", title = (string?)null, scale = new { domain = new[] { 0, 1 } } },
                    color = ModelColour(withBaseline),
                    tooltip = new object[]
                    {
                        new { field = "model", type = "nominal" }, new { field = "class", type = "nominal" },
                        new { field = "metric", type = "nominal" }, new { field = "value", type = "quantitative", format = ".3f" },
                        new { field = "support", type = "quantitative", title = "rows" },
                    },
                },
            },
        };
        return new ReportChart(id, "Precision and recall per class", Models(withBaseline), ChartJson.Node(spec));
    }
}
