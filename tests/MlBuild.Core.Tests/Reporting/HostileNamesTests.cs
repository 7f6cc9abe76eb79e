using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlBuild.Protocol;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;
using static MlBuild.Core.Tests.Reporting.ReportFixtures;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>Names that try every way to break out of a table cell, an HTML tag, a summary or a Mermaid string.</summary>
public sealed class HostileNamesTests
{
    private const string Hostile = "a|b <script>alert(1)</script> `x` --> \"] $y$\nnext";

    private static string Render()
    {
        var result = Paired(
            Estimates(("MacroAccuracy", 0.8, 0.75, 0.85)), Estimates(("MacroAccuracy", 0.9, 0.85, 0.95)), Deltas(("MacroAccuracy", -0.1, -0.15, -0.05))) with
        {
            Slices = [new SliceResult
            {
                Column = Hostile, Worst = Hostile,
                Values = [new SliceValue { Value = Hostile, Rows = 3, Metrics = Estimates(("MacroAccuracy", 0.5, 0.4, 0.6)) }],
            }],
            PerClass = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal)
            {
                [Hostile] = new(StringComparer.Ordinal) { ["F1Score"] = 0.5 },
            },
            Confusion = new ConfusionMatrix([Hostile, "ok"], [[1, 2], [3, 4]]),
            FailedExpectations = [new ExpectationFailure { File = "/src/app/" + Hostile, Line = 1, Expected = Hostile, Actual = Hostile }],
            ExpectationsChecked = 1,
        };
        var candidate = Entry("MulticlassClassification", new Dictionary<string, double>(),
            @params: new JsonObject { [Hostile] = Hostile }, inputs: [(Hostile, Hostile, 1, "h2")]);
        var baseline = Entry("MulticlassClassification", new Dictionary<string, double>(), "xxh128:base",
            @params: new JsonObject { [Hostile] = "x" }, inputs: [(Hostile, Hostile, 1, "h1")]);
        var evaluation = ModelEvaluation.Create(Hostile, result, candidate, Lock((Hostile, baseline)));
        var gate = new Gate { Model = Hostile, Metric = MetricCatalog.Find("MacroAccuracy")!, Min = 0.9, Slice = Hostile, Location = new SourceLocation("/p", 1, 1) };
        var context = InActions() with
        {
            Project = Hostile,
            History = MlBuild.Core.Baselines.LockFileHistory.Of([Version("c0ffee1", (Hostile, Entry("MulticlassClassification", new Dictionary<string, double> { ["MacroAccuracy"] = 0.9 })))]),
        };
        var report = EvaluationReport.Create(Hostile, [evaluation], GateEvaluator.EvaluateAll([gate], [evaluation], "/p"), ProjectDirectory, BaselineSha)
            with
        { BaselineRef = Hostile, Context = context };
        return MarkdownReport.Render(report);
    }

    private readonly string _markdown = Render();

    [Fact]
    public void No_markup_gets_through()
    {
        Assert.DoesNotContain("<script", _markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"]", _markdown.Replace("\"]\n", "", StringComparison.Ordinal));
        var outsideMermaid = Regex.Replace(_markdown, "```mermaid\n.*?```\n", "", RegexOptions.Singleline);
        Assert.DoesNotContain("-->", outsideMermaid);
        // Inside a <summary> (an HTML block) GitHub renders neither markdown nor math: only HTML is escaped there.
        var outsideSummaries = Regex.Replace(_markdown, "<summary>.*?</summary>", "");
        Assert.DoesNotContain("$y$", outsideSummaries);
        Assert.DoesNotContain("\nnext", _markdown);
        Assert.Contains(@"### ❌ a\|b &lt;script&gt;alert(1)&lt;/script&gt; \`x\` --&gt; ""\] \$y\$ next" + "\n", _markdown);
    }

    [Fact]
    public void Every_table_row_has_as_many_cells_as_its_header()
    {
        var lines = _markdown.Split('\n');
        var tables = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || (i > 0 && lines[i - 1].StartsWith('|')))
                continue;
            tables++;
            var width = MarkdownReportTests.SplitCells(lines[i]).Length;
            for (var j = i; j < lines.Length && lines[j].StartsWith('|'); j++)
                Assert.True(width == MarkdownReportTests.SplitCells(lines[j]).Length, $"row {lines[j]} under {lines[i]}");
        }
        Assert.True(tables >= 7, $"{tables} tables");
    }

    [Fact]
    public void Summaries_hold_text_only()
    {
        var summaries = Regex.Matches(_markdown, "<summary>(.*?)</summary>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.DoesNotContain('<', s));
        Assert.All(summaries, s => Assert.DoesNotContain('>', s));
        Assert.Contains(summaries, s => s.Contains("a|b &lt;script&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void The_chart_stays_well_formed()
    {
        var chart = Regex.Match(_markdown, "```mermaid\n.*?```\n", RegexOptions.Singleline);
        Assert.True(chart.Success);
        MermaidChartTests.AssertWellFormed(chart.Value);
        Assert.Contains("title \"a b script alert(1) /script x -- y next: MacroAccuracy\"", chart.Value);
    }

    [Fact]
    public void Nothing_is_left_open() => ReportBudgetTests.AssertWhole(_markdown);
}
