using MlBuild.Core.Evaluation;
using MlBuild.Protocol;
using static MlBuild.Core.Reporting.Html.ChartStyle;

namespace MlBuild.Core.Reporting.Html.Charts;

/// <summary>The plots every task gets: the primary metric along the lock file's history, the slices' metric with its
/// intervals and the gates on it, and the runtime and size meta-metrics against their gates.</summary>
internal static class MetricCharts
{
    public static IEnumerable<ReportChart> For(ModelReport model, EvaluationReport report, string idPrefix)
    {
        if (Trend(idPrefix + "trend", model, report) is { } trend)
            yield return trend;
        foreach (var (slice, i) in (model.Evaluation.Result?.Slices ?? []).Select((s, i) => (s, i)))
            if (Slice($"{idPrefix}slice-{i}", model, slice) is { } chart)
                yield return chart;
        if (Meta(idPrefix + "meta", model) is { } meta)
            yield return meta;
    }

    private static ReportChart? Trend(string id, ModelReport model, EvaluationReport report)
    {
        if (PrimaryMetricHistory.For(model, report) is not { } history)
            return null;
        var metric = history.Metric;
        var (low, high) = TrendAxis.Range(history.Points.Select(p => p.Value).ToList(), metric.IsRate);
        var values = history.Points.Select((p, i) => new
        {
            i,
            commit = p.Label,
            value = ChartJson.Number(p.Value),
            model = p.IsCandidate ? Candidate : Baseline,
        }).ToList();
        var gates = GateLines.For(model, metric.Name, slice: null, history.Points.Count > 1 ? history.Points[^2].Value : null)
            .Where(g => g.Value >= low && g.Value <= high).ToList();
        var x = new { field = "commit", type = "ordinal", sort = history.Points.Select(p => p.Label).ToList(), title = (string?)null, axis = new { labelAngle = -40 } };
        var y = new { field = "value", type = "quantitative", title = $"{metric.Name} {metric.Arrow}".TrimEnd(), scale = new { domain = new[] { low, high } } };
        var layers = new List<object>
        {
            new { mark = new { type = "line", color = BaselineColour, strokeWidth = 2 }, encoding = new { x, y, order = new { field = "i", type = "quantitative" } } },
            new
            {
                mark = new { type = "point", filled = true, size = 70 },
                encoding = new
                {
                    x, y, color = ModelColour(withBaseline: true),
                    tooltip = new object[] { new { field = "commit", type = "nominal" }, new { field = "value", type = "quantitative", format = ".6g" } },
                },
            },
        };
        layers.AddRange(GateRules(gates));
        return new ReportChart(id, $"{metric.Name} over the history", ["candidate", "baseline"],
            ChartJson.Node(new { width = Width, height = Height, data = new { values }, layer = layers }),
            history.Commits switch
            {
                0 => "The baseline, then this candidate.",
                1 => "The model's version on the baseline's branch, then this candidate.",
                var n => $"The last {n} versions of the model on the baseline's branch, then this candidate.",
            });
    }

    private static ReportChart? Slice(string id, ModelReport model, SliceResult slice)
    {
        var task = model.Evaluation.Task;
        // The metric a gate on this column judges; else the one the worst slice is chosen by.
        var gated = model.GateOutcomes.Select(o => o.Gate!).FirstOrDefault(g => g.Slice == slice.Column)?.Metric;
        var metric = gated ?? slice.Values.Select(v => SliceRanking.RankedBy(v, task)?.Metric).FirstOrDefault(m => m is not null);
        if (metric is null)
            return null;
        var withBaseline = slice.Values.Any(v => v.BaselineMetrics is not null);
        var values = slice.Values.SelectMany(v => new[] { (Candidate, v.Metrics), (Baseline, v.BaselineMetrics) }
            .Where(m => m.Item2 is not null && m.Item2.ContainsKey(metric.Name))
            .Select(m => new
            {
                model = m.Item1,
                value = v.Value,
                rows = v.Rows,
                worst = v.Value == slice.Worst,
                metric = ChartJson.Number(m.Item2![metric.Name].Value),
                low = ChartJson.Number(m.Item2[metric.Name].Low),
                high = ChartJson.Number(m.Item2[metric.Name].High),
            })).ToList();
        var order = slice.Values.Select(v => v.Value).ToList();
        var x = new { field = "value", type = "nominal", sort = order, title = slice.Column, axis = new { labelAngle = -40 } };
        var xOffset = new { field = "model", type = "nominal", sort = Models(withBaseline) };
        var layers = new List<object>
        {
            new
            {
                data = new { values },
                mark = new { type = "bar" },
                encoding = new
                {
                    x, xOffset, color = ModelColour(withBaseline),
                    y = new { field = "metric", type = "quantitative", title = $"{metric.Name} {metric.Arrow}".TrimEnd(), scale = new { zero = metric.IsRate } },
                    tooltip = new object[]
                    {
                        new { field = "model", type = "nominal" }, new { field = "value", type = "nominal", title = slice.Column },
                        new { field = "rows", type = "quantitative" }, new { field = "metric", type = "quantitative", format = ".4g", title = metric.Name },
                        new { field = "low", type = "quantitative", format = ".4g", title = "95% low" },
                        new { field = "high", type = "quantitative", format = ".4g", title = "95% high" },
                    },
                },
            },
            new
            {
                data = new { values },
                mark = new { type = "rule", color = "#111827" },
                encoding = new { x, xOffset, y = new { field = "low", type = "quantitative" }, y2 = new { field = "high" } },
            },
        };
        var gates = GateLines.For(model, metric.Name, slice.Column, baseline: null);
        layers.AddRange(GateRules(gates));
        var worst = slice.Worst is { } name ? $" Worst: {name}." : "";
        return new ReportChart(id, $"{metric.Name} by {slice.Column}", Models(withBaseline),
            ChartJson.Node(new { width = Math.Clamp(order.Count * (withBaseline ? 44 : 30), Width, 640), height = Height, layer = layers }),
            "Bars with their 95% intervals." + worst);
    }

    private static ReportChart? Meta(string id, ModelReport model)
    {
        var comparisons = model.Evaluation.Metrics.Where(c => c.Metric.IsMeta && (c.Candidate is not null || c.Baseline is not null)).ToList();
        if (comparisons.Count == 0)
            return null;
        var withBaseline = comparisons.Any(c => c.Baseline is not null);
        var values = new List<object>();
        foreach (var c in comparisons)
        {
            var title = $"{c.Name} {c.Metric.Arrow}".TrimEnd();
            if (c.Candidate is { } candidate)
                values.Add(new { metric = title, model = Candidate, kind = "value", value = ChartJson.Number(candidate), label = (string?)null });
            if (c.Baseline is { } baseline)
                values.Add(new { metric = title, model = Baseline, kind = "value", value = ChartJson.Number(baseline), label = (string?)null });
            foreach (var gate in GateLines.For(model, c.Name, slice: null, c.Baseline))
                values.Add(new { metric = title, model = Candidate, kind = "gate", value = ChartJson.Number(gate.Value), label = (string?)gate.Label });
        }
        var spec = new
        {
            data = new { values },
            facet = new { field = "metric", type = "nominal", title = (string?)null, sort = comparisons.Select(c => $"{c.Name} {c.Metric.Arrow}".TrimEnd()).ToList() },
            columns = 3,
            resolve = new { scale = new { y = "independent" } },
            spec = new
            {
                width = 130,
                height = 150,
                layer = new object[]
                {
                    new
                    {
                        transform = new[] { new { filter = "datum.kind == 'value'" } },
                        mark = new { type = "bar" },
                        encoding = new
                        {
                            x = new { field = "model", type = "nominal", sort = Models(withBaseline), title = (string?)null, axis = new { labelAngle = 0 } },
                            y = new { field = "value", type = "quantitative", title = (string?)null, axis = new { format = "~s" } },
                            color = ModelColour(withBaseline),
                            tooltip = new object[] { new { field = "model", type = "nominal" }, new { field = "value", type = "quantitative", format = ".4g" } },
                        },
                    },
                    new
                    {
                        transform = new[] { new { filter = "datum.kind == 'gate'" } },
                        mark = new { type = "rule", color = GateColour, strokeDash = new[] { 5, 3 }, strokeWidth = 2 },
                        encoding = new
                        {
                            y = new { field = "value", type = "quantitative" },
                            tooltip = new object[] { new { field = "label", type = "nominal", title = "gate" } },
                        },
                    },
                },
            },
        };
        return new ReportChart(id, "Runtime and size", Models(withBaseline), ChartJson.Node(spec),
            "Measured in this run (latency, throughput, memory) or recorded at training (time, size); dashed red: a gate.");
    }

    /// <summary>Dashed red rules at the gates' values, labelled at the right.</summary>
    private static IEnumerable<object> GateRules(IReadOnlyList<GateLines.Line> gates)
    {
        if (gates.Count == 0)
            yield break;
        var values = gates.Select(g => new { gate = ChartJson.Number(g.Value), label = g.Label }).ToList();
        yield return new
        {
            data = new { values },
            mark = new { type = "rule", color = GateColour, strokeDash = new[] { 5, 3 }, strokeWidth = 2 },
            encoding = new
            {
                y = new { field = "gate", type = "quantitative" },
                tooltip = new object[] { new { field = "label", type = "nominal", title = "gate" } },
            },
        };
        yield return new
        {
            data = new { values },
            mark = new { type = "text", color = GateColour, align = "right", dy = -6, fontSize = 10 },
            encoding = new { y = new { field = "gate", type = "quantitative" }, x = new { value = "width" }, text = new { field = "label" } },
        };
    }
}
