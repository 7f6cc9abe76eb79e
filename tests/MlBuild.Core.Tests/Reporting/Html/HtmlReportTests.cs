using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Reporting;
using MlBuild.Core.Reporting.Html;
using static MlBuild.Core.Tests.Reporting.Html.HtmlDocumentParts;

namespace MlBuild.Core.Tests.Reporting.Html;

/// <summary>
/// report.html's part of one project: per task, the charts it calls for, each in a figure that names the models it
/// draws (the baseline's series wherever there is a baseline), with inline data that is never empty and holds only
/// finite numbers; and the document: its Content-Security-Policy, and ids numbered per part so that two projects'
/// parts never share one.
/// </summary>
public sealed partial class HtmlReportTests
{
    private static HtmlReportPart Render(ModelEvaluation model, bool history = true) =>
        HtmlReport.Render(HtmlFixtures.Report([model], history));

    /// <summary>The part has exactly these charts (ids without the part's prefix), each with a figure in the body, in
    /// the same order; the figures of the models' charts say whether the baseline is drawn, those of the data profile
    /// say train and test.</summary>
    private static void AssertCharts(HtmlReportPart part, bool withBaseline, params string[] expected)
    {
        var ids = part.Charts.Select(c => c.Id).ToList();
        Assert.Equal(expected.Select(id => HtmlReportPart.IdPrefix + id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        var figures = Figures(part.Body);
        Assert.Equal(ids, figures.Select(f => f.Id));
        foreach (var (id, series) in figures)
        {
            var expectedSeries = id.EndsWith("-psi", StringComparison.Ordinal) || id.EndsWith("-features", StringComparison.Ordinal)
                ? "train test"
                : withBaseline ? "candidate baseline" : "candidate";
            Assert.True(expectedSeries == series, $"{id}: data-series=\"{series}\", expected \"{expectedSeries}\"");
            Assert.Equal(expectedSeries.Split(' '), part.Charts.Single(c => c.Id == id).Series);
        }
        AssertInlineDataIsWhole(part.Charts.Select(c => (c.Id, c.Spec)));
    }

    /// <summary>Every "values" array has rows, and no number is NaN or infinite (JSON has neither: a gap is null).</summary>
    internal static void AssertInlineDataIsWhole(IEnumerable<(string Id, JsonNode Spec)> charts)
    {
        foreach (var (id, spec) in charts)
        {
            var data = InlineData(spec).ToList();
            Assert.True(data.Count > 0, $"{id}: no inline data");
            Assert.All(data, values => Assert.True(values.Count > 0, $"{id}: an empty \"values\" array"));
            foreach (var scalar in Scalars(spec))
            {
                switch (scalar.GetValueKind())
                {
                    case JsonValueKind.Number:
                        Assert.True(double.IsFinite(scalar.GetValue<double>()), $"{id}: {scalar.ToJsonString()}");
                        break;
                    case JsonValueKind.String:
                        Assert.DoesNotMatch("^-?(NaN|Infinity|∞)$", scalar.GetValue<string>());
                        break;
                }
            }
            var json = spec.ToJsonString();
            Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        }
    }

    private static JsonNode Spec(HtmlReportPart part, string id) => part.Charts.Single(c => c.Id == HtmlReportPart.IdPrefix + id).Spec;

    [Fact]
    public void A_binary_classifier_with_a_baseline_gets_roc_precision_recall_calibration_and_scores_of_both_models()
    {
        var part = Render(HtmlFixtures.Binary());

        AssertCharts(part, withBaseline: true, "m0-roc", "m0-pr", "m0-calibration", "m0-scores", "m0-trend", "m0-meta");
        var roc = InlineData(Spec(part, "m0-roc")).Single(v => v.Count > 2);
        Assert.Equal(["candidate", "baseline"], roc.Select(p => (string)p!["model"]!).Distinct());
        // The threshold of +∞ (no row predicted positive) is a gap, not a number JSON has not.
        Assert.Contains(roc, p => p!["threshold"] is null && (double)p["y"]! == 0.05);
        Assert.Contains(roc, p => ((string)p!["label"]!).StartsWith("candidate (AUC 0.910)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_multiclass_classifier_with_a_baseline_gets_both_confusion_matrices_and_per_class_bars()
    {
        var part = Render(HtmlFixtures.Multiclass(features: HtmlFixtures.Features("SepalLength", "PetalWidth")));

        AssertCharts(part, withBaseline: true, "m0-confusion", "m0-per-class", "m0-trend", "m0-meta", "m0-psi", "m0-features");
        var confusion = InlineData(Spec(part, "m0-confusion")).Single();
        // Three classes: nine cells per model.
        Assert.Equal(9, confusion.Count(c => (string)c!["model"]! == "baseline"));
        Assert.Equal(9, confusion.Count(c => (string)c!["model"]! == "candidate"));
        var perClass = InlineData(Spec(part, "m0-per-class")).Single();
        Assert.Equal(2 * 3 * 2, perClass.Count);
    }

    [Fact]
    public void A_regression_with_slices_and_a_baseline_gets_its_plots_per_slice_and_the_data_profile()
    {
        var model = HtmlFixtures.Regression(features: HtmlFixtures.Features("trip_distance", "payment_type", "passenger_count"));
        var part = HtmlReport.Render(HtmlFixtures.Report([model],
            gates: [HtmlFixtures.GateOn("TaxiFare", "RootMeanSquaredError", max: 7, slice: "payment_type")]));

        AssertCharts(part, withBaseline: true, "m0-predicted", "m0-residuals", "m0-residuals-slice-0", "m0-trend", "m0-slice-0",
            "m0-meta", "m0-psi", "m0-features");
        // The slice chart shows the metric its gate judges, the worst value first as the worker ranked it.
        var slice = part.Charts.Single(c => c.Id == "r-m0-slice-0");
        Assert.Equal("RootMeanSquaredError by payment_type", slice.Title);
        var bars = InlineData(slice.Spec).First();
        Assert.Contains(bars, b => (string)b!["value"]! == "CSH" && (bool)b["worst"]! && (string)b["model"]! == "baseline");
        // The NaN bound of the last value's interval is a gap.
        Assert.Contains(bars, b => (string)b!["value"]! == "(other)" && (string)b["model"]! == "candidate" && b["low"] is null);
        Assert.Contains(InlineData(slice.Spec), v => v.Any(g => (string?)g!["label"] == "gate ≤ 7"));
    }

    [Fact]
    public void A_model_without_a_baseline_draws_the_candidate_alone_and_no_history()
    {
        var part = Render(HtmlFixtures.Regression(baseline: false), history: false);

        AssertCharts(part, withBaseline: false, "m0-predicted", "m0-residuals", "m0-residuals-slice-0", "m0-slice-0", "m0-meta");
        var points = InlineData(Spec(part, "m0-predicted")).Last();
        Assert.All(points, p => Assert.Equal("candidate", (string)p!["model"]!));
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("multiclass")]
    public void A_classifier_without_a_baseline_draws_the_candidate_alone(string task)
    {
        var model = task == "binary" ? HtmlFixtures.Binary(baseline: false) : HtmlFixtures.Multiclass(baseline: false);

        var part = Render(model, history: false);

        if (task == "binary")
            AssertCharts(part, withBaseline: false, "m0-roc", "m0-pr", "m0-calibration", "m0-scores", "m0-meta");
        else
            AssertCharts(part, withBaseline: false, "m0-confusion", "m0-per-class", "m0-meta");
    }

    [Fact]
    public void The_trend_follows_the_history_then_the_candidate()
    {
        var part = Render(HtmlFixtures.Binary());

        var trend = InlineData(Spec(part, "m0-trend")).First();
        Assert.Equal(["c0ffee1", "3f2a1b9", "PR #12"], trend.Select(p => (string)p!["commit"]!));
        Assert.Equal(["baseline", "baseline", "candidate"], trend.Select(p => (string)p!["model"]!));
    }

    [Fact]
    public void The_document_forbids_every_request_and_inlines_what_it_draws_with()
    {
        var document = HtmlDocument.Write([Render(HtmlFixtures.Binary())]);

        var csp = CspMeta().Match(document);
        Assert.True(csp.Success, "no Content-Security-Policy meta");
        var policy = csp.Groups[1].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("default-src 'none'", policy[0]);
        // Only the page itself: no origin, no scheme but data: for images.
        Assert.All(policy.Skip(1), directive => Assert.Matches("^[a-z-]+( '[a-z-]+'| data:)+$", directive));
        Assert.DoesNotMatch("<(script|link|img|iframe)[^>]+(src|href)=", document);
        Assert.Contains($"t.version=\"{HtmlDocument.VegaVersion}\"", document);
        Assert.DoesNotContain("sourceMappingURL", document);
        Assert.StartsWith("<!DOCTYPE html>\n", document);
        Assert.EndsWith("</html>\n", document);
        Assert.Contains("<title>✅ MlBuild evaluation of samples/App/App.csproj</title>", document);
    }

    [Fact]
    public void The_documents_charts_are_the_parts_with_the_parts_ids_and_whole_inline_data()
    {
        var part = Render(HtmlFixtures.Regression(features: HtmlFixtures.Features("trip_distance")));

        var document = HtmlDocument.Write([part]);

        var charts = Charts(document);
        Assert.Equal(part.Charts.Select(c => "r0-" + c.Id[HtmlReportPart.IdPrefix.Length..]), charts.Select(c => c.Id));
        Assert.Equal(charts.Select(c => c.Id), Figures(document).Select(f => f.Id));
        Assert.All(part.Charts.Zip(charts), pair => Assert.True(JsonNode.DeepEquals(pair.First.Spec, pair.Second.Spec), pair.Second.Id));
        AssertInlineDataIsWhole(charts);
    }

    [Fact]
    public void Two_projects_parts_are_numbered_apart_and_no_id_occurs_twice()
    {
        var failing = HtmlReport.Render(HtmlFixtures.Report([HtmlFixtures.Multiclass(), HtmlFixtures.Binary()],
            gates: [HtmlFixtures.GateOn("Iris", "MacroAccuracy", min: 0.99)], project: "samples/Iris/Iris.csproj"));
        var passing = HtmlReport.Render(HtmlFixtures.Report([HtmlFixtures.Regression()], project: "samples/Taxi/Taxi.csproj"));
        Assert.False(failing.Passed);

        var document = HtmlDocument.Write([failing, passing], "Two projects");

        var ids = Ids(document);
        Assert.Empty(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain(ids, id => id.StartsWith(HtmlReportPart.IdPrefix, StringComparison.Ordinal));
        Assert.Contains("r0-top", ids);
        Assert.Contains("r1-top", ids);
        Assert.Contains("r0-m0-confusion", ids);
        Assert.Contains("r0-m1-roc", ids);
        Assert.Contains("r1-m0-residuals", ids);
        Assert.Contains("r0-m0-trend", ids);
        Assert.Contains("r1-m0-trend", ids);
        // Every link within the page has its target, and every chart its figure.
        var links = InPageLink().Matches(document).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("r0-m0-section", links);
        Assert.Contains("r1-top", links);
        Assert.All(links, link => Assert.Contains(link, ids));
        Assert.Equal(Charts(document).Select(c => c.Id), Figures(document).Select(f => f.Id));
        Assert.Equal(failing.Charts.Count + passing.Charts.Count, Charts(document).Count);
        // The table of contents lists both, the failing one marked.
        Assert.Contains("<li class=\"fail\"><a href=\"#r0-top\">MlBuild evaluation of samples/Iris/Iris.csproj</a></li>", document);
        Assert.Contains("<li class=\"pass\"><a href=\"#r1-top\">MlBuild evaluation of samples/Taxi/Taxi.csproj</a></li>", document);
        Assert.Contains("<title>❌ Two projects</title>", document);
    }

    [Fact]
    public void A_part_survives_its_json_file_unchanged()
    {
        var part = Render(HtmlFixtures.Regression(features: HtmlFixtures.Features("trip_distance")));

        var read = HtmlReportFiles.Deserialize(HtmlReportFiles.Serialize(part));

        Assert.Equal(part.Title, read.Title);
        Assert.Equal(part.Passed, read.Passed);
        Assert.Equal(part.Body, read.Body);
        Assert.Equal(part.Charts.Select(c => (c.Id, c.Title, string.Join(' ', c.Series), c.Caption)),
            read.Charts.Select(c => (c.Id, c.Title, string.Join(' ', c.Series), c.Caption)));
        Assert.All(part.Charts.Zip(read.Charts), pair => Assert.True(JsonNode.DeepEquals(pair.First.Spec, pair.Second.Spec), pair.First.Id));
        Assert.Equal(HtmlDocument.Write([part]), HtmlDocument.Write([read]));
    }

    [Fact]
    public void An_empty_report_says_no_model_was_evaluated()
    {
        var part = HtmlReport.Render(HtmlFixtures.Report([], history: false));

        Assert.Empty(part.Charts);
        Assert.Contains("<p>No model was evaluated.</p>", part.Body);
        Assert.Contains("[]</script>", HtmlDocument.Write([part]));
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex CspMeta();

    [GeneratedRegex("href=\"#([^\"]*)\"")]
    private static partial Regex InPageLink();
}
