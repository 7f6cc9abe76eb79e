using System.Globalization;
using System.Text.RegularExpressions;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Reporting;
using MlBuild.Core.Reporting.Html;
using Xunit;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

public class TrendAxisTests
{
    [Fact]
    public void Values_that_differ_only_by_floating_point_noise_draw_a_flat_line()
    {
        // The taxi-fare sample's RSquared over two trainings of the same model.
        var (low, high) = TrendAxis.Range([0.732439093244, 0.732439093282], isRate: false);

        Assert.True(high - low >= 0.02 * 0.7324, $"{low} --> {high}");
        Assert.True(low < 0.7324 && high > 0.7325, $"{low} --> {high}");
    }

    [Fact]
    public void A_rate_spans_at_least_two_points_and_stays_within_zero_and_one()
    {
        var (low, high) = TrendAxis.Range([0.9, 0.9, 0.9], isRate: true);
        Assert.True(low <= 0.89 && high >= 0.91, $"{low} --> {high}");

        var (lowAtOne, highAtOne) = TrendAxis.Range([1.0, 1.0], isRate: true);
        Assert.Equal(1.0, highAtOne);
        Assert.True(lowAtOne <= 0.98, $"{lowAtOne}");

        Assert.Equal(0, TrendAxis.Range([0.0, 0.01], isRate: true).Low);
    }

    [Fact]
    public void A_real_change_is_drawn_at_its_own_scale_padded_by_a_tenth()
    {
        var (low, high) = TrendAxis.Range([0.80, 0.90], isRate: true);

        Assert.Equal((0.79, 0.91), (low, high));
    }

    /// <summary>The y-axis of a Mermaid chart: "    y-axis "title" low --> high".</summary>
    private static (double Low, double High) YAxis(string chart)
    {
        var line = Regex.Match(chart, @"\n    y-axis ""[^""]*"" (-?\d+(?:\.\d+)?) --> (-?\d+(?:\.\d+)?)\n");
        Assert.True(line.Success, chart);
        return (double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_markdown_chart_of_the_taxi_fare_models_two_trainings_spans_at_least_two_percent()
    {
        // The RSquared of the taxi-fare sample, trained twice from the same recipe: the baseline's (its lock entry,
        // unpaired), then the candidate's.
        var taxi = ModelEvaluation.Create("TaxiFare", Result(Estimates(("RSquared", 0.732439093282, 0.7, 0.76))),
            Entry("Regression", new Dictionary<string, double>()),
            Lock(("TaxiFare", Entry("Regression", new Dictionary<string, double> { ["RSquared"] = 0.732439093244 }, "xxh128:base"))));
        var report = EvaluationReport.Create("HEAD (3f2a1b9)", [taxi], []) with { BaselineCommit = ReportFixtures.BaselineSha };

        var markdown = MarkdownReport.Render(report);

        var chart = Regex.Match(markdown, "```mermaid\n.*?```\n", RegexOptions.Singleline);
        Assert.True(chart.Success, markdown);
        MermaidChartTests.AssertWellFormed(chart.Value);
        Assert.Contains("    line [0.732439093244, 0.732439093282]\n", chart.Value);
        var (low, high) = YAxis(chart.Value);
        Assert.True(high - low >= 0.0146, $"{low} --> {high}");
        Assert.True(low < 0.732439093244 && high > 0.732439093282, $"{low} --> {high}");
        // The line chart drawn directly gives the same axis, and so does report.html's trend.
        Assert.Equal((low, high), YAxis(MermaidChart.Line("TaxiFare: RSquared", "RSquared", ["3f2a1b9", "candidate"],
            [0.732439093244, 0.732439093282], isRate: false)));
        var trend = HtmlReport.Render(report).Charts.Single(c => c.Id == "r-m0-trend");
        var domain = trend.Spec["layer"]![0]!["encoding"]!["y"]!["scale"]!["domain"]!.AsArray().Select(d => (double)d!).ToList();
        Assert.Equal([low, high], domain);
    }

    [Fact]
    public void A_negative_r_squared_is_drawn_below_zero() =>
        Assert.True(TrendAxis.Range([-0.2, 0.3], isRate: false).Low < -0.2);
}
