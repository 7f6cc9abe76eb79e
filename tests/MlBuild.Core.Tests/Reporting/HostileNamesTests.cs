using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlBuild.Protocol;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using MlBuild.Core.Tests.Reporting.Html;
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

    // The report of the HTML tests (Html/HostileReport): each name alone in its cell, as slice values, class labels,
    // slice columns, params, models and the project.
    private readonly string _names = MarkdownReport.Render(HostileReport.Create());

    /// <summary>How each name must read in a markdown cell: HTML's characters as entities (so "&amp;amp;" shows as
    /// written), markdown's escaped with a backslash; quotes need nothing.</summary>
    private static readonly Dictionary<string, string> Escaped = new(StringComparer.Ordinal)
    {
        [HostileReport.Script] = "&lt;script&gt;alert(1)&lt;/script&gt;",
        [HostileReport.Bold] = @"\*\*x\*\*",
        [HostileReport.Pipe] = @"a\|b",
        [HostileReport.Backticks] = @"\`tick\`",
        [HostileReport.DoubleQuoted] = "\"quoted\"",
        [HostileReport.SingleQuoted] = "'single'",
        [HostileReport.EndScript] = "&lt;/script&gt;",
        [HostileReport.Entity] = "&amp;amp;",
    };

    private static IEnumerable<string> EscapedNames => HostileReport.Names.Select(n => Escaped[n]);

    [Fact]
    public void Slice_values_and_columns_are_escaped_in_the_slice_tables()
    {
        var worst = $"⚠️ **{Escaped[HostileReport.Script]}** (worst)";
        var multiclass = MarkdownReportTests.TableAfter(_names, "<summary>Slices by **x** 'single': 8 values");
        var regression = MarkdownReportTests.TableAfter(_names, "<summary>Slices by a|b &lt;/script&gt; &quot;quoted&quot;: 8 values");

        Assert.Equal([@"\*\*x\*\* 'single'", "rows", "MacroAccuracy ↑"], multiclass[0]);
        Assert.Equal([@"a\|b &lt;/script&gt; ""quoted""", "rows", "RSquared ↑", "RootMeanSquaredError ↓"], regression[0]);
        Assert.Equal([worst, .. EscapedNames.Skip(1)], multiclass.Skip(2).Select(r => r[0]));
        Assert.Equal([worst, .. EscapedNames.Skip(1)], regression.Skip(2).Select(r => r[0]));
        Assert.All(multiclass.Skip(2), row => Assert.Equal(3, row.Length));
        Assert.All(regression.Skip(2), row => Assert.Equal(4, row.Length));
    }

    [Fact]
    public void Class_labels_are_escaped_in_the_per_class_table_and_the_confusion_matrices()
    {
        var perClass = MarkdownReportTests.TableAfter(_names, "<summary>Per class: 8 classes");
        var confusion = MarkdownReportTests.TableAfter(_names, "<summary>Confusion matrix: 8 classes");
        var binary = MarkdownReportTests.TableAfter(_names, "<summary>Confusion matrix: 2 classes");

        Assert.Equal(EscapedNames.Order(StringComparer.Ordinal), perClass.Skip(2).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(perClass.Skip(2), row => Assert.Equal(["0.9000", "0.9200", "0.9100", "50"], row[1..]));
        Assert.Equal(["actual / predicted", .. EscapedNames], confusion[0]);
        Assert.Equal(EscapedNames, confusion.Skip(2).Select(r => r[0]));
        Assert.All(confusion.Skip(2), row => Assert.Equal(9, row.Length));
        Assert.Equal(["actual / predicted", "&lt;/script&gt;", "\"quoted\""], binary[0]);
    }

    [Fact]
    public void Param_names_and_values_are_escaped_in_the_params_table()
    {
        var table = MarkdownReportTests.TableAfter(_names, "**Params changed**");

        Assert.Equal(["param", "baseline", "candidate"], table[0]);
        Assert.Equal(EscapedNames.Order(StringComparer.Ordinal), table.Skip(2).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(table.Skip(2), row => Assert.Equal([row[0], "before", row[0]], row));
    }

    [Fact]
    public void Models_and_the_project_are_escaped_in_the_title_the_overview_and_the_headings()
    {
        Assert.StartsWith($"## ❌ MlBuild evaluation of {Escaped[HostileReport.Script]}/App.csproj: ", _names);
        var overview = MarkdownReportTests.TableAfter(_names, "| ");
        Assert.Equal([$"Iris {Escaped[HostileReport.Script]} \"quoted\"", @"\*\*x\*\* 'single' &amp;amp;", @"a\|b \`tick\` &lt;/script&gt;"],
            overview.Skip(2).Select(r => r[1]));
        Assert.Contains($"\n### ❌ Iris {Escaped[HostileReport.Script]} \"quoted\"\n", _names);
        Assert.Contains("\n### ✅ \\*\\*x\\*\\* 'single' &amp;amp;\n", _names);
        Assert.Contains("\n### ✅ a\\|b \\`tick\\` &lt;/script&gt;\n", _names);
    }

    [Fact]
    public void No_name_gets_through_as_markup_or_breaks_a_table()
    {
        Assert.DoesNotContain("<script", _names, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</script", _names, StringComparison.OrdinalIgnoreCase);
        // Every '&' starts one of the entities the escaping writes: a name's own "&amp;" is shown, not decoded.
        Assert.DoesNotMatch("&(?!(lt|gt|amp|quot);)", _names);
        // Outside the summaries (HTML, where markdown is not rendered) and the charts (Mermaid's own text), a name's
        // markdown is escaped wherever it occurs.
        var text = Regex.Replace(Regex.Replace(_names, "<summary>.*?</summary>", ""), "```mermaid\n.*?```\n", "", RegexOptions.Singleline);
        foreach (var (name, escaped) in new[] { (HostileReport.Bold, Escaped[HostileReport.Bold]), (HostileReport.Pipe, Escaped[HostileReport.Pipe]),
            (HostileReport.Backticks, Escaped[HostileReport.Backticks]) })
            Assert.DoesNotContain(name, text.Replace(escaped, "", StringComparison.Ordinal));
        var summaries = Regex.Matches(_names, "<summary>(.*?)</summary>").Select(m => m.Groups[1].Value).ToList();
        Assert.All(summaries, s => Assert.DoesNotContain('<', s));
        Assert.All(summaries, s => Assert.DoesNotContain('>', s));
        var lines = _names.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || (i > 0 && lines[i - 1].StartsWith('|')))
                continue;
            var width = MarkdownReportTests.SplitCells(lines[i]).Length;
            for (var j = i; j < lines.Length && lines[j].StartsWith('|'); j++)
                Assert.True(width == MarkdownReportTests.SplitCells(lines[j]).Length, $"row {lines[j]} under {lines[i]}");
        }
        foreach (Match chart in Regex.Matches(_names, "```mermaid\n.*?```\n", RegexOptions.Singleline))
            MermaidChartTests.AssertWellFormed(chart.Value);
        ReportBudgetTests.AssertWhole(_names);
    }
}
