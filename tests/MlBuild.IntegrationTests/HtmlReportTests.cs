using System.Text.RegularExpressions;
using MlBuild.IntegrationTests.Infrastructure;
using MlBuild.IntegrationTests.Infrastructure.Browsers;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// report.html as a reviewer opens it: real projects (taxi fares, iris, the sentiment sample) trained, committed as the
/// baseline, changed and evaluated with <c>dotnet build -t:Evaluate</c>, then the report opened from disk in headless
/// Chromium: every chart drawn with a size, the baseline's series in the charts that compare, no console error and no
/// request for anything outside the file. A screenshot of each is saved under artifacts/report-screenshots for the CI
/// run.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed partial class HtmlReportTests(PackageFeedFixture feed)
{
    /// <summary>The issue's budget for a report with an interactive charting library inlined.</summary>
    private const long MaxReportBytes = 4 * 1024 * 1024;

    private static string Screenshot(string name) =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "report-screenshots", name + ".png");

    [Fact]
    public async Task The_taxi_fare_report_draws_the_regression_plots_with_the_baseline_overlaid()
    {
        var project = new TestProject(feed, "TaxiReport")
            .WithProject("""
                <MlModel Include="Taxi" Task="Regression" TrainData="data/train.csv" TestData="data/test.csv"
                         LabelColumn="fare_amount" Params="taxi.params.json" />
                <MlSlice Include="Taxi" Column="payment_type" />
                <MlGate Include="Taxi" Metric="RSquared" Min="0.5" />
                <MlGate Include="Taxi" Metric="RootMeanSquaredError" Slice="payment_type" Max="20" />
                """)
            .WithData("taxi-fare/train-2000.csv", "data/train.csv")
            .WithData("taxi-fare/test-500.csv", "data/test.csv")
            .WithFile("taxi.params.json", """{ "NumberOfTrees": 20, "NumberOfLeaves": 8 }""");
        var report = await EvaluateChanged(project, "taxi.params.json", """{ "NumberOfTrees": 60, "NumberOfLeaves": 8 }""", "taxi-fare");

        AssertCompares(report, "m0-predicted", "m0-residuals", "m0-residuals-slice-0", "m0-slice-0", "m0-meta");
        AssertHas(report, "m0-trend", "m0-psi", "m0-features");
    }

    [Fact]
    public async Task The_iris_report_draws_the_confusion_matrices_and_per_class_bars_of_both_models()
    {
        var project = new TestProject(feed, "IrisReport")
            .WithProject("""
                <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv"
                         TestData="data/test.tsv" LabelColumn="Label" Params="iris.params.json" />
                <MlGate Include="Iris" Metric="MacroAccuracy" Min="0.5" />
                """)
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv")
            .WithFile("iris.params.json", """{ "MaximumNumberOfIterations": 20 }""");
        var report = await EvaluateChanged(project, "iris.params.json", """{ "MaximumNumberOfIterations": 3 }""", "iris");

        AssertCompares(report, "m0-confusion", "m0-per-class", "m0-meta");
        AssertHas(report, "m0-trend", "m0-psi", "m0-features");
    }

    [Fact]
    public async Task The_sentiment_samples_report_draws_roc_precision_recall_calibration_and_scores_of_both_models()
    {
        var project = TestProject.FromSample(feed, "Sentiment");
        var report = await EvaluateChanged(project, "sentiment.params.json", """{ "L2Regularization": 2.0, "NgramLength": 1 }""",
            "sentiment");

        AssertCompares(report, "m0-roc", "m0-pr", "m0-calibration", "m0-scores", "m0-meta");
        AssertHas(report, "m0-trend");
    }

    /// <summary>Trains and commits the baseline, changes one file of the recipe, evaluates (a paired baseline: both
    /// models scored on the same rows) and opens the report.</summary>
    private static async Task<PageReport> EvaluateChanged(TestProject project, string file, string changed, string name)
    {
        var baseline = project.Build();
        Assert.True(baseline.Succeeded, baseline.ToString());
        project.Commit("baseline");
        project.WithFile(file, changed);

        var evaluation = project.Evaluate();

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        var html = project.IntermediateFile("report.html");
        Assert.True(File.Exists(html), $"no {html}");
        Assert.True(new FileInfo(html).Length < MaxReportBytes, $"{html}: {new FileInfo(html).Length} bytes");
        Assert.Contains("paired", File.ReadAllText(project.IntermediateFile("report.md")));

        var page = await HeadlessChromium.OpenAsync(html, Screenshot(name));

        Assert.Equal("rendered", page.ChartsState);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.NetworkRequests);
        Assert.Contains("MlBuild evaluation", page.Title);
        // Every figure the document declares is drawn, with a size.
        Assert.Equal(FigureCount(File.ReadAllText(html)), page.Charts.Count);
        Assert.All(page.Charts, chart => Assert.True(chart.Width > 50 && chart.Height > 50, $"{chart.Id}: {chart.Width}x{chart.Height}"));
        Assert.True(File.Exists(Screenshot(name)));
        return page;
    }

    private static int FigureCount(string html) => FigureElement().Matches(html).Count;

    /// <summary>Charts that compare the two models: there, with both series.</summary>
    private static void AssertCompares(PageReport page, params string[] ids)
    {
        foreach (var id in ids)
        {
            var chart = Find(page, id);
            Assert.True(chart.Series.SequenceEqual(["candidate", "baseline"]), $"{chart.Id}: {string.Join(' ', chart.Series)}");
        }
    }

    private static void AssertHas(PageReport page, params string[] ids)
    {
        foreach (var id in ids)
            Find(page, id);
    }

    private static RenderedChart Find(PageReport page, string id) =>
        page.Charts.FirstOrDefault(c => c.Id.EndsWith("-" + id, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no chart {id} among {string.Join(", ", page.Charts.Select(c => c.Id))}");

    [GeneratedRegex("<figure class=\"chart\"")]
    private static partial Regex FigureElement();
}
