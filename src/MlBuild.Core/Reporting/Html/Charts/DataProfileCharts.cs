using System.Globalization;
using MlBuild.Core.Evaluation;
using MlBuild.Protocol;

namespace MlBuild.Core.Reporting.Html.Charts;

/// <summary>The data profile: each feature's distribution in the test rows against the training data's, in the
/// profile's bins (shares, so that sets of different sizes compare), and the population stability index of each
/// feature with the bound that noise alone reaches for samples of these sizes.</summary>
internal static class DataProfileCharts
{
    public const string Train = "train";
    public const string Test = "test";

    /// <summary>Beyond this many features, the histograms show the ones that moved most (the PSI chart shows all).</summary>
    public const int MaxHistograms = 12;

    public static IEnumerable<ReportChart> For(ModelEvaluation evaluation, string idPrefix)
    {
        if (evaluation.Result?.Features is not { Count: > 0 } features)
            yield break;
        yield return Stability(idPrefix + "psi", features);
        yield return Histograms(idPrefix + "features", features.OrderByDescending(f => f.Psi).Take(MaxHistograms).ToList(),
            features.Count);
    }

    private static string Title(FeatureDistribution f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Feature} (PSI {f.Psi:0.000})");

    private static ReportChart Histograms(string id, IReadOnlyList<FeatureDistribution> features, int total)
    {
        var values = features.SelectMany(f =>
        {
            double train = Math.Max(1, f.Train.Sum()), test = Math.Max(1, f.Test.Sum());
            return f.Bins.SelectMany((bin, i) => new[]
            {
                new { feature = Title(f), bin, i, source = Train, share = ChartJson.Number(f.Train[i] / train), rows = f.Train[i] },
                new { feature = Title(f), bin, i, source = Test, share = ChartJson.Number(f.Test[i] / test), rows = f.Test[i] },
            });
        }).ToList();
        var spec = new
        {
            data = new { values },
            facet = new { field = "feature", type = "nominal", title = (string?)null, sort = features.Select(Title).ToList() },
            columns = 3,
            resolve = new { scale = new { x = "independent" } },
            spec = new
            {
                width = 200,
                height = 120,
                mark = new { type = "bar" },
                encoding = new
                {
                    x = new { field = "bin", type = "nominal", sort = new { field = "i" }, title = (string?)null, axis = new { labelAngle = -50, labelLimit = 70, labelFontSize = 9 } },
                    xOffset = new { field = "source", type = "nominal", sort = new[] { Train, Test } },
                    y = new { field = "share", type = "quantitative", title = "share of rows", axis = new { format = "%" } },
                    color = new { field = "source", type = "nominal", title = (string?)null, scale = new { domain = new[] { Train, Test }, range = new[] { "#a855f7", "#f59e0b" } }, legend = new { orient = "bottom" } },
                    tooltip = new object[]
                    {
                        new { field = "feature", type = "nominal" }, new { field = "bin", type = "nominal" },
                        new { field = "source", type = "nominal" }, new { field = "share", type = "quantitative", format = ".1%" },
                        new { field = "rows", type = "quantitative" },
                    },
                },
            },
        };
        var caption = features.Count < total
            ? $"The {features.Count} of {total} features whose test distribution moved most from training (highest PSI first)."
            : "Training data (the profile recorded at training) against the test rows, in the profile's bins.";
        return new ReportChart(id, "Features: training against test", [Train, Test], ChartJson.Node(spec), caption);
    }

    private static ReportChart Stability(string id, IReadOnlyList<FeatureDistribution> features)
    {
        var ordered = features.OrderByDescending(f => f.Psi).ToList();
        var values = ordered.Select(f => new
        {
            feature = f.Feature,
            kind = f.Kind,
            psi = ChartJson.Number(f.Psi),
            noise = ChartJson.Number(f.PsiNoiseBound),
        }).ToList();
        var y = new { field = "feature", type = "nominal", sort = ordered.Select(f => f.Feature).ToList(), title = (string?)null };
        var spec = new
        {
            width = ChartStyle.Width,
            height = Math.Clamp(18 * ordered.Count, 60, 600),
            data = new { values },
            layer = new object[]
            {
                new
                {
                    mark = new { type = "bar", color = "#a855f7" },
                    encoding = new
                    {
                        y,
                        x = new { field = "psi", type = "quantitative", title = "population stability index (test against training)" },
                        tooltip = new object[]
                        {
                            new { field = "feature", type = "nominal" }, new { field = "kind", type = "nominal" },
                            new { field = "psi", type = "quantitative", format = ".4f", title = "PSI" },
                            new { field = "noise", type = "quantitative", format = ".4f", title = "noise bound" },
                        },
                    },
                },
                new
                {
                    mark = new { type = "tick", color = "#111827", thickness = 2 },
                    encoding = new { y, x = new { field = "noise", type = "quantitative" } },
                },
                new
                {
                    data = new { values = new[] { new { psi = 0.1, label = "0.1 moderate" }, new { psi = 0.25, label = "0.25 significant" } } },
                    mark = new { type = "rule", color = "#dc2626", strokeDash = new[] { 4, 3 } },
                    encoding = new { x = new { field = "psi", type = "quantitative" }, tooltip = new { field = "label", type = "nominal" } },
                },
            },
        };
        return new ReportChart(id, "Feature stability (PSI)", [Train, Test], ChartJson.Node(spec),
            "Black ticks: the PSI that samples of these sizes reach by chance (1%); red: the usual 0.1 and 0.25 thresholds.");
    }
}
