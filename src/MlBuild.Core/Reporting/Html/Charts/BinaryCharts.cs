using System.Globalization;
using MlBuild.Core.Evaluation;
using MlBuild.Definitions;
using MlBuild.Protocol;
using static MlBuild.Core.Reporting.Html.ChartStyle;

namespace MlBuild.Core.Reporting.Html.Charts;

/// <summary>A binary classifier's plots, candidate and baseline overlaid: ROC and precision-recall curves (their
/// areas in the legend), the calibration curve, and the score's distribution by class.</summary>
internal static class BinaryCharts
{
    public static IEnumerable<ReportChart> For(ModelEvaluation evaluation, string idPrefix)
    {
        if (evaluation.Result?.Plots?.Binary is not { } candidate)
            yield break;
        var baseline = evaluation.Result.BaselinePlots?.Binary;
        var models = Compared(candidate, baseline);
        yield return Curve(idPrefix + "roc", "ROC curve", models, p => p.Roc, evaluation, MetricNames.AreaUnderRocCurve,
            "false-positive rate", "true-positive rate", diagonal: true);
        yield return Curve(idPrefix + "pr", "Precision-recall curve", models, p => p.PrecisionRecall, evaluation,
            MetricNames.AreaUnderPrecisionRecallCurve, "recall", "precision", diagonal: false);
        if (candidate.Calibration is not null)
            yield return Calibration(idPrefix + "calibration", models);
        yield return ScoreDistribution(idPrefix + "scores", models);
    }

    private static List<(string Model, BinaryPlots Plots)> Compared(BinaryPlots candidate, BinaryPlots? baseline) =>
        baseline is null ? [(Candidate, candidate)] : [(Candidate, candidate), (Baseline, baseline)];

    private static ReportChart Curve(string id, string title, List<(string Model, BinaryPlots Plots)> models,
        Func<BinaryPlots, IReadOnlyList<CurvePoint>> curve, ModelEvaluation evaluation, string areaMetric, string xTitle,
        string yTitle, bool diagonal)
    {
        var comparison = evaluation.Find(areaMetric);
        var withBaseline = models.Count > 1;
        var labels = models.Select(m => Label(m.Model, m.Model == Candidate ? comparison?.Candidate : comparison?.Baseline, areaMetric)).ToList();
        var values = models.SelectMany((m, k) => curve(m.Plots).Select((p, i) => new
        {
            model = m.Model,
            label = labels[k],
            i,
            x = ChartJson.Number(p.X),
            y = ChartJson.Number(p.Y),
            threshold = p.Threshold is { } threshold ? ChartJson.Number(threshold) : null,
        })).ToList();
        var line = new
        {
            data = new { values },
            mark = new { type = "line", strokeWidth = 2 },
            encoding = new
            {
                x = new { field = "x", type = "quantitative", title = xTitle, scale = new { domain = new[] { 0, 1 } } },
                y = new { field = "y", type = "quantitative", title = yTitle, scale = new { domain = new[] { 0, 1 } } },
                order = new { field = "i", type = "quantitative" },
                color = new
                {
                    field = "label",
                    type = "nominal",
                    title = (string?)null,
                    scale = new { domain = labels, range = withBaseline ? new[] { CandidateColour, BaselineColour } : [CandidateColour] },
                    legend = new { orient = "bottom", direction = "vertical" },
                },
                strokeDash = ModelDash(withBaseline),
                tooltip = new object[]
                {
                    new { field = "model", type = "nominal" },
                    new { field = "x", type = "quantitative", title = xTitle, format = ".3f" },
                    new { field = "y", type = "quantitative", title = yTitle, format = ".3f" },
                    new { field = "threshold", type = "quantitative", title = "score threshold", format = ".4g" },
                },
            },
        };
        object[] layers = diagonal ? [Diagonal(0, 1), line] : [line];
        return new ReportChart(id, title, Models(withBaseline), ChartJson.Node(new { width = Width, height = Height, layer = layers }));
    }

    /// <summary>"candidate (AUC 0.912)": the area ML.NET's evaluator gives, not the thinned curve's.</summary>
    private static string Label(string model, double? area, string metric)
    {
        var name = metric == MetricNames.AreaUnderRocCurve ? "AUC" : "AUPRC";
        return area is { } value && double.IsFinite(value)
            ? string.Create(CultureInfo.InvariantCulture, $"{model} ({name} {value:0.000})")
            : model;
    }

    private static ReportChart Calibration(string id, List<(string Model, BinaryPlots Plots)> models)
    {
        var withBaseline = models.Count > 1;
        var values = models.SelectMany(m => (m.Plots.Calibration ?? []).Select(b => new
        {
            model = m.Model,
            predicted = ChartJson.Number(b.MeanPredicted),
            observed = ChartJson.Number(b.ObservedPositive),
            rows = b.Rows,
            bin = string.Create(CultureInfo.InvariantCulture, $"[{b.Low:0.0}, {b.High:0.0})"),
        })).ToList();
        var curve = new
        {
            data = new { values },
            mark = new { type = "line", point = true, strokeWidth = 2 },
            encoding = new
            {
                x = new { field = "predicted", type = "quantitative", title = "mean predicted probability", scale = new { domain = new[] { 0, 1 } } },
                y = new { field = "observed", type = "quantitative", title = "observed share of positives", scale = new { domain = new[] { 0, 1 } } },
                color = ModelColour(withBaseline),
                strokeDash = ModelDash(withBaseline, sharesColourLegend: true),
                tooltip = new object[]
                {
                    new { field = "model", type = "nominal" }, new { field = "bin", type = "nominal", title = "probability" },
                    new { field = "predicted", type = "quantitative", format = ".3f" },
                    new { field = "observed", type = "quantitative", format = ".3f" }, new { field = "rows", type = "quantitative" },
                },
            },
        };
        return new ReportChart(id, "Calibration (reliability)", Models(withBaseline),
            ChartJson.Node(new { width = Width, height = Height, layer = new object[] { Diagonal(0, 1), curve } }),
            "Points on the diagonal: the predicted probability is the observed rate.");
    }

    private static ReportChart ScoreDistribution(string id, List<(string Model, BinaryPlots Plots)> models)
    {
        var withBaseline = models.Count > 1;
        var histogram = models[0].Plots.Scores;
        var values = models.SelectMany(m => m.Plots.Scores.Classes.SelectMany((c, k) => m.Plots.Scores.Counts[k].Select((count, bin) => new
        {
            model = m.Model,
            @class = c,
            low = ChartJson.Number(m.Plots.Scores.Edges[bin]),
            high = ChartJson.Number(m.Plots.Scores.Edges[bin + 1]),
            count,
        }))).ToList();
        var spec = new
        {
            data = new { values },
            facet = new { column = new { field = "model", type = "nominal", title = (string?)null, sort = Models(withBaseline) } },
            spec = new
            {
                width = withBaseline ? Width / 2 : Width,
                height = Height,
                mark = new { type = "bar", opacity = 0.55, binSpacing = 0 },
                encoding = new
                {
                    x = new { field = "low", type = "quantitative", title = histogram.Of == "Probability" ? "predicted probability" : "score" },
                    x2 = new { field = "high" },
                    y = new { field = "count", type = "quantitative", title = "rows", stack = (string?)null },
                    // From zero: with x and x2 given, a bar without y2 would be drawn as a thin horizontal band.
                    y2 = new { datum = 0 },
                    color = new { field = "class", type = "nominal", title = "actual class", scale = new { domain = histogram.Classes, range = new[] { "#f97316", "#0d9488" } }, legend = new { orient = "bottom" } },
                    tooltip = new object[]
                    {
                        new { field = "class", type = "nominal" }, new { field = "low", type = "quantitative", format = ".3g" },
                        new { field = "high", type = "quantitative", format = ".3g" }, new { field = "count", type = "quantitative" },
                    },
                },
            },
        };
        return new ReportChart(id, $"{histogram.Of} by actual class", Models(withBaseline), ChartJson.Node(spec),
            "Well separated classes: the model tells them apart.");
    }
}
