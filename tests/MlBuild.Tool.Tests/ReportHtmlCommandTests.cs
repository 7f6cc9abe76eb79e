using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using MlBuild.Core.Reporting.Html;
using MlBuild.Protocol;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Tool.Tests;

/// <summary><c>mlbuild report html</c>: the saved HTML reports of two projects (report.html.json, as the Evaluate
/// target writes it beside report.html) combined into one document, failing projects first; a folder without a
/// saved report refuses with MLB6008 and writes nothing.</summary>
public sealed partial class ReportHtmlCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mlbuild-report-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Program.RunAsync(args, new Dictionary<string, string?>(), output);
        return (exitCode, output.ToString());
    }

    /// <summary>Saves a project's part the way the Evaluate target does; returns its folder.</summary>
    private string Save(string name, EvaluationReport report)
    {
        var folder = Path.Combine(_folder, name, "obj", "mlbuild");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, HtmlReportPart.FileName), HtmlReportFiles.Serialize(HtmlReport.Render(report)));
        return folder;
    }

    /// <summary>A regression that passes, with its plots.</summary>
    private static EvaluationReport Passing()
    {
        var sample = Enumerable.Range(0, 20).Select(i => new PredictedPoint(5 + i, 5.5 + i * 0.95)).ToList();
        var result = Result(Estimates(("RSquared", 0.75, 0.72, 0.78), ("RootMeanSquaredError", 5.7, 5.4, 6.0))) with
        {
            Plots = new ModelPlots
            {
                Regression = new RegressionPlots(sample, 20, new Histogram1D([-2, -1, 0, 1, 2], [2, 8, 7, 3]), []),
            },
        };
        var taxi = ModelEvaluation.Create("TaxiFare", result, Entry("Regression", new Dictionary<string, double>()), null);
        return EvaluationReport.Create("none (no baseline)", [taxi], []) with
        {
            Context = new ReportContext { Project = "samples/TaxiFare/TaxiFare.csproj" },
        };
    }

    /// <summary>A multiclass classifier below its gate's minimum, with its confusion matrix and per-class metrics.</summary>
    private static EvaluationReport Failing()
    {
        var result = Result(Estimates(("MacroAccuracy", 0.8, 0.75, 0.85))) with
        {
            Confusion = new ConfusionMatrix(["setosa", "versicolor"], [[9, 1], [3, 17]]),
            PerClass = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal)
            {
                ["setosa"] = new(StringComparer.Ordinal) { ["Precision"] = 0.75, ["Recall"] = 0.9, ["Support"] = 10 },
                ["versicolor"] = new(StringComparer.Ordinal) { ["Precision"] = 0.94, ["Recall"] = 0.85, ["Support"] = 20 },
            },
        };
        var iris = ModelEvaluation.Create("Iris", result, Entry("MulticlassClassification", new Dictionary<string, double>()), null);
        var gate = new Gate { Model = "Iris", Metric = MetricCatalog.Find("MacroAccuracy")!, Min = 0.9, Location = new SourceLocation("/src/iris/Iris.csproj", 9, 6) };
        return EvaluationReport.Create("none (no baseline)", [iris], GateEvaluator.EvaluateAll([gate], [iris], "/src/iris/Iris.csproj")) with
        {
            Context = new ReportContext { Project = "samples/Iris/Iris.csproj" },
        };
    }

    private static IReadOnlyList<string> ChartIds(string document)
    {
        const string start = "<script type=\"application/json\" id=\"mlbuild-charts\">";
        var from = document.IndexOf(start, StringComparison.Ordinal) + start.Length;
        Assert.True(from >= start.Length, "no JSON block of the charts");
        var json = document[from..document.IndexOf("</script>", from, StringComparison.Ordinal)];
        return JsonNode.Parse(json)!.AsArray().Select(c => (string)c!["id"]!).ToList();
    }

    [Fact]
    public async Task Two_projects_reports_become_one_document_the_failing_project_first()
    {
        var passing = Save("Taxi", Passing());
        var failing = Save("Iris", Failing());
        var file = Path.Combine(_folder, "artifacts", "reports", "report.html");

        var (exitCode, output) = await Run("report", "html", passing, failing, "--output", file);

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(file), output);
        Assert.Contains($"{file}: the HTML report of 2 projects", output);
        var document = File.ReadAllText(file);
        Assert.Contains("<title>❌ MlBuild evaluation of 2 projects</title>", document);
        var nav = NavItem().Matches(document).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal(
        [
            ("fail", "r0-top", "MlBuild evaluation of samples/Iris/Iris.csproj"),
            ("pass", "r1-top", "MlBuild evaluation of samples/TaxiFare/TaxiFare.csproj"),
        ], nav);
        Assert.True(document.IndexOf("id=\"r0-top\"", StringComparison.Ordinal) < document.IndexOf("id=\"r1-top\"", StringComparison.Ordinal));
        // Both parts' charts, numbered by part, each with its figure.
        var ids = ChartIds(document);
        var expected = HtmlReport.Render(Failing()).Charts.Select(c => "r0-" + c.Id[HtmlReportPart.IdPrefix.Length..])
            .Concat(HtmlReport.Render(Passing()).Charts.Select(c => "r1-" + c.Id[HtmlReportPart.IdPrefix.Length..])).ToList();
        Assert.Equal(expected, ids);
        Assert.Contains("r0-m0-confusion", ids);
        Assert.Contains("r0-m0-per-class", ids);
        Assert.Contains("r1-m0-predicted", ids);
        Assert.Contains("r1-m0-residuals", ids);
        Assert.All(ids, id => Assert.Contains($"<figure class=\"chart\" id=\"{id}\"", document));
        Assert.Contains("<meta name=\"generator\" content=\"mlbuild ", document);
        // Written through a temporary file, which is gone.
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public async Task A_saved_part_is_read_from_its_file_as_well_and_the_title_can_be_given()
    {
        var part = Path.Combine(Save("Taxi", Passing()), HtmlReportPart.FileName);
        var file = Path.Combine(_folder, "one.html");

        var (exitCode, output) = await Run("report", "html", part, "-o", file, "--title", "Nightly <models>");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{file}: the HTML report of 1 project", output);
        var document = File.ReadAllText(file);
        Assert.Contains("<title>✅ Nightly &lt;models&gt;</title>", document);
        Assert.DoesNotContain("<nav>", document);
        Assert.Equal(HtmlReport.Render(Passing()).Charts.Count, ChartIds(document).Count);
    }

    [Fact]
    public async Task A_folder_without_a_saved_report_exits_1_with_MLB6008_and_writes_nothing()
    {
        var passing = Save("Taxi", Passing());
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "Empty", "obj", "mlbuild")).FullName;
        var file = Path.Combine(_folder, "out", "report.html");

        var (exitCode, output) = await Run("report", "html", passing, empty, "--output", file);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error MLB6008: {Path.Combine(empty, HtmlReportPart.FileName)}: no HTML report there", output);
        Assert.False(File.Exists(file), "an output file was written");
        Assert.False(Directory.Exists(Path.GetDirectoryName(file)), "the output's folder was created");
    }

    [Theory]
    [InlineData("{ \"title\": ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"title\": \"t\", \"passed\": true, \"body\": \"\"}")]
    [InlineData("{\"title\": \"t\", \"passed\": true, \"body\": \"\", \"charts\": null}")]
    [InlineData("{\"title\": \"t\", \"passed\": true, \"body\": \"\", \"charts\": [{\"id\": \"r-m0-roc\", \"title\": \"ROC\", \"series\": [], \"spec\": null}]}")]
    [InlineData("{\"title\": \"t\", \"passed\": true, \"body\": \"\", \"charts\": [{\"id\": \"x\", \"title\": \"ROC\", \"series\": [], \"spec\": {}}]}")]
    public async Task A_file_that_is_not_a_saved_part_exits_1_with_MLB6008_and_writes_nothing(string json)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "Broken")).FullName;
        File.WriteAllText(Path.Combine(folder, HtmlReportPart.FileName), json);
        var file = Path.Combine(_folder, "report.html");

        var (exitCode, output) = await Run("report", "html", folder, "--output", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("error MLB6008: ", output);
        Assert.Contains("not a saved MlBuild HTML report", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Without_an_output_file_it_is_a_usage_error()
    {
        var (exitCode, _) = await Run("report", "html", Save("Taxi", Passing()));

        Assert.Equal(2, exitCode);
    }

    [GeneratedRegex("<li class=\"(pass|fail)\"><a href=\"#([^\"]+)\">([^<]*)</a></li>")]
    private static partial Regex NavItem();
}
