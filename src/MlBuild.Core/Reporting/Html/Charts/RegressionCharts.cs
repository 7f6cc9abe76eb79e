using MlBuild.Core.Evaluation;
using MlBuild.Protocol;
using static MlBuild.Core.Reporting.Html.ChartStyle;

namespace MlBuild.Core.Reporting.Html.Charts;

/// <summary>A regression's plots, candidate and baseline overlaid: predicted against actual (a sample of the test
/// rows, the same rows for both), the residuals' histogram, and per slice column the residuals' spread by value.</summary>
internal static class RegressionCharts
{
    public static IEnumerable<ReportChart> For(ModelEvaluation evaluation, string idPrefix)
    {
        if (evaluation.Result?.Plots?.Regression is not { } candidate)
            yield break;
        var baseline = evaluation.Result.BaselinePlots?.Regression;
        var models = baseline is null ? new[] { (Candidate, candidate) } : [(Candidate, candidate), (Baseline, baseline)];
        yield return PredictedAgainstActual(idPrefix + "predicted", models);
        yield return Residuals(idPrefix + "residuals", models);
        foreach (var (slice, i) in candidate.BySlice.Select((s, i) => (s, i)))
            yield return ResidualsBySlice($"{idPrefix}residuals-slice-{i}", slice,
                baseline?.BySlice.FirstOrDefault(b => b.Column == slice.Column));
    }

    private static ReportChart PredictedAgainstActual(string id, (string Model, RegressionPlots Plots)[] models)
    {
        var withBaseline = models.Length > 1;
        var values = models.SelectMany(m => m.Plots.Sample.Select(p => new
        {
            model = m.Model,
            actual = ChartJson.Number(p.Actual),
            predicted = ChartJson.Number(p.Predicted),
        })).ToList();
        var all = models.SelectMany(m => m.Plots.Sample).SelectMany(p => new[] { p.Actual, p.Predicted }).Where(double.IsFinite).ToList();
        var (low, high) = all.Count == 0 ? (0.0, 1.0) : (all.Min(), all.Max());
        var points = new
        {
            data = new { values },
            mark = new { type = "point", filled = true, size = 10, opacity = 0.45 },
            encoding = new
            {
                x = new { field = "actual", type = "quantitative", title = "actual", scale = new { zero = false } },
                y = new { field = "predicted", type = "quantitative", title = "predicted", scale = new { zero = false } },
                color = ModelColour(withBaseline),
                tooltip = new object[]
                {
                    new { field = "model", type = "nominal" }, new { field = "actual", type = "quantitative", format = ".4g" },
                    new { field = "predicted", type = "quantitative", format = ".4g" },
                },
            },
        };
        var sampled = models[0].Plots;
        var caption = sampled.Sample.Count < sampled.SampledFrom
            ? $"Every {Math.Max(1, sampled.SampledFrom / Math.Max(1, sampled.Sample.Count))}th of {sampled.SampledFrom:N0} test rows ({sampled.Sample.Count:N0} points per model); on the dotted line the prediction is exact."
            : $"All {sampled.SampledFrom:N0} test rows; on the dotted line the prediction is exact.";
        return new ReportChart(id, "Predicted against actual", Models(withBaseline),
            ChartJson.Node(new { width = Width, height = Width, layer = new object[] { Diagonal(low, high), points } }), caption);
    }

    private static ReportChart Residuals(string id, (string Model, RegressionPlots Plots)[] models)
    {
        var withBaseline = models.Length > 1;
        var values = models.SelectMany(m => m.Plots.Residuals.Counts.Select((count, bin) => new
        {
            model = m.Model,
            low = ChartJson.Number(m.Plots.Residuals.Edges[bin]),
            high = ChartJson.Number(m.Plots.Residuals.Edges[bin + 1]),
            count,
        })).ToList();
        var spec = new
        {
            width = Width,
            height = Height,
            data = new { values },
            mark = new { type = "bar", opacity = 0.55, binSpacing = 0 },
            encoding = new
            {
                x = new { field = "low", type = "quantitative", title = "residual (predicted − actual)" },
                x2 = new { field = "high" },
                y = new { field = "count", type = "quantitative", title = "rows", stack = (string?)null },
                // From zero: with x and x2 given, a bar without y2 would be drawn as a thin horizontal band.
                y2 = new { datum = 0 },
                color = ModelColour(withBaseline),
                tooltip = new object[]
                {
                    new { field = "model", type = "nominal" }, new { field = "low", type = "quantitative", format = ".3g" },
                    new { field = "high", type = "quantitative", format = ".3g" }, new { field = "count", type = "quantitative" },
                },
            },
        };
        return new ReportChart(id, "Residuals", Models(withBaseline), ChartJson.Node(spec),
            "Between the 1st and 99th percentiles of the candidate's residuals; rows beyond them are counted in the outer bars.");
    }

    private static ReportChart ResidualsBySlice(string id, SliceResiduals candidate, SliceResiduals? baseline)
    {
        var withBaseline = baseline is not null;
        var slices = withBaseline ? new[] { (Candidate, candidate), (Baseline, baseline!) } : [(Candidate, candidate)];
        var order = candidate.Values.Select(v => v.Value).ToList();
        var values = slices.SelectMany(s => s.Item2.Values.Select(v => new
        {
            model = s.Item1,
            value = v.Value,
            rows = v.Rows,
            p05 = ChartJson.Number(v.P05),
            p25 = ChartJson.Number(v.P25),
            median = ChartJson.Number(v.Median),
            p75 = ChartJson.Number(v.P75),
            p95 = ChartJson.Number(v.P95),
            mean = ChartJson.Number(v.Mean),
        })).ToList();
        var y = new { field = "value", type = "nominal", sort = order, title = candidate.Column };
        var yOffset = new { field = "model", type = "nominal", sort = Models(withBaseline) };
        var tooltip = new object[]
        {
            new { field = "model", type = "nominal" }, new { field = "value", type = "nominal", title = candidate.Column },
            new { field = "rows", type = "quantitative" }, new { field = "p05", type = "quantitative", format = ".3g", title = "5th percentile" },
            new { field = "median", type = "quantitative", format = ".3g" }, new { field = "p95", type = "quantitative", format = ".3g", title = "95th percentile" },
            new { field = "mean", type = "quantitative", format = ".3g" },
        };
        var spec = new
        {
            width = Width,
            height = Math.Clamp(order.Count * (withBaseline ? 44 : 32), 120, 640),
            data = new { values },
            layer = new object[]
            {
                new
                {
                    data = new { values = new[] { new { zero = 0 } } },
                    mark = new { type = "rule", color = "#6b7280", strokeDash = new[] { 2, 3 } },
                    encoding = new { x = new { field = "zero", type = "quantitative" } },
                },
                new
                {
                    mark = new { type = "rule" },
                    encoding = new
                    {
                        x = new { field = "p05", type = "quantitative", title = "residual (predicted − actual): 5th, 25th, 50th, 75th, 95th percentiles" },
                        x2 = new { field = "p95" }, y, yOffset, color = ModelColour(withBaseline), tooltip,
                    },
                },
                new
                {
                    mark = new { type = "bar", height = withBaseline ? 8 : 12 },
                    encoding = new { x = new { field = "p25", type = "quantitative" }, x2 = new { field = "p75" }, y, yOffset, color = ModelColour(withBaseline), tooltip },
                },
                new
                {
                    mark = new { type = "tick", color = "#111827", thickness = 2, size = 10 },
                    encoding = new { x = new { field = "median", type = "quantitative" }, y, yOffset, tooltip },
                },
            },
        };
        return new ReportChart(id, $"Residuals by {candidate.Column}", Models(withBaseline), ChartJson.Node(spec));
    }
}
