using MlBuild.Protocol;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

public sealed class MarkdownReportTests
{
    private readonly string _markdown = MarkdownReport.Render(ReportFixtures.Report());

    /// <summary>The text from a line starting with <paramref name="start"/> to the next model heading.</summary>
    private string Section(string start)
    {
        var index = _markdown.IndexOf("\n" + start, StringComparison.Ordinal);
        Assert.True(index >= 0, $"no '{start}' in:\n{_markdown}");
        var end = _markdown.IndexOf("\n### ", index + start.Length, StringComparison.Ordinal);
        return end < 0 ? _markdown[(index + 1)..] : _markdown[(index + 1)..end];
    }

    /// <summary>The rows of the first table after <paramref name="marker"/> in <paramref name="text"/>.</summary>
    internal static List<string[]> TableAfter(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"no '{marker}' in:\n{text}");
        return text[index..].Split('\n')
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(SplitCells)
            .ToList();
    }

    // Cells split on pipes that are not escaped.
    internal static string[] SplitCells(string row) =>
        System.Text.RegularExpressions.Regex.Split(row.Trim()[1..^1], @"(?<!\\)\|").Select(c => c.Trim()).ToArray();

    [Fact]
    public void The_title_counts_what_failed_and_the_overview_lists_failing_models_first()
    {
        Assert.StartsWith("## ❌ MlBuild evaluation: 1 gate and 1 expectation failed in 1 of 2 models\n\n", _markdown);
        var overview = TableAfter(_markdown, "| ");
        Assert.Equal(["", "model", "primary metric", "baseline", "candidate", "delta", "checks"], overview[0]);
        Assert.Equal(["❌", "Iris", "MacroAccuracy ↑", "0.9020", "0.8710", "🔴 -3.10 pp", "2 gates, 1 failed; 1 of 40 expectations failed"], overview[2]);
        Assert.Equal(["✅", @"Heart\|Disease", "AreaUnderRocCurve ↑", "new model", "0.9100", "-", "1 gate, passed"], overview[3]);
        Assert.True(_markdown.IndexOf("### ❌ Iris", StringComparison.Ordinal) < _markdown.IndexOf(@"### ✅ Heart\|Disease", StringComparison.Ordinal));
    }

    [Fact]
    public void A_passing_report_says_so_and_counts_warnings() =>
        Assert.StartsWith("## ✅ MlBuild evaluation: all gates pass\n\n",
            MarkdownReport.Render(GoldenFixtures.PassingRegression() with { Context = ReportContext.Unknown }));

    /// <summary>A model without gates whose primary metric fell significantly: warning MLB5017.</summary>
    private static EvaluationReport UngatedRegression(bool failuresAsWarnings = false)
    {
        var evaluation = ModelEvaluation.Create("Iris",
            Paired(Estimates(("MacroAccuracy", 0.8, 0.75, 0.85)), Estimates(("MacroAccuracy", 0.9, 0.85, 0.95)), Deltas(("MacroAccuracy", -0.1, -0.15, -0.05))),
            Entry("MulticlassClassification", new Dictionary<string, double>()),
            Lock(("Iris", Entry("MulticlassClassification", new Dictionary<string, double>(), "xxh128:base"))));
        return EvaluationReport.Create("HEAD (3f2a1b9)", [evaluation], GateEvaluator.EvaluateAll([], [evaluation], "/p.csproj"))
            with
        { Context = ReportContext.Unknown with { GateFailuresAsWarnings = failuresAsWarnings } };
    }

    [Fact]
    public void Warnings_are_counted_in_the_title_and_marked_on_the_model()
    {
        var markdown = MarkdownReport.Render(UngatedRegression());

        Assert.StartsWith("## ✅ MlBuild evaluation: no gates declared, 1 warning\n", markdown);
        Assert.Contains("### ⚠️ Iris\n", markdown);
        Assert.Contains("- ⚠️ **Warning** (MLB5017): ", markdown);
    }

    [Fact]
    public void With_failures_as_warnings_the_report_says_the_build_does_not_fail()
    {
        var failing = ReportFixtures.Report() with { Context = ReportContext.Unknown with { GateFailuresAsWarnings = true } };

        Assert.Contains("\n\nFailures are reported as warnings (MlBuildGateFailuresAsWarnings): the build does not fail.\n\n", MarkdownReport.Render(failing));
        Assert.DoesNotContain("Failures are reported as warnings", MarkdownReport.Render(UngatedRegression(failuresAsWarnings: true)));
    }

    [Fact]
    public void Many_classes_list_the_most_frequent_confusions_instead_of_a_matrix()
    {
        var classes = Enumerable.Range(0, 12).Select(i => $"c{i}").ToList();
        var counts = classes.Select((_, a) => (IReadOnlyList<long>)classes.Select((_, p) => (long)(a == p ? 50 : a == 3 && p == 7 ? 9 : a == 1 && p == 2 ? 4 : 0)).ToList()).ToList();
        var evaluation = ModelEvaluation.Create("Digits",
            Result(Estimates(("MacroAccuracy", 0.9, 0.85, 0.95))) with { Confusion = new ConfusionMatrix(classes, counts) },
            Entry("MulticlassClassification", new Dictionary<string, double>()), null);

        var markdown = MarkdownReport.Render(EvaluationReport.Create("none", [evaluation], []));

        var rows = TableAfter(markdown, "<summary>Confusion matrix: 12 classes, most frequent confusions</summary>");
        Assert.Equal(["actual", "predicted", "count"], rows[0]);
        Assert.Equal(["c3", "c7", "9"], rows[2]);
        Assert.Equal(["c1", "c2", "4"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void A_model_section_lists_its_failures_then_a_metrics_table_with_failing_rows_first()
    {
        var iris = Section("### ❌ Iris");

        Assert.Contains("- ❌ **Failed** (MLB5016): Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020; allowed 0.0100\n", iris);
        Assert.Contains("- ❌ **Failed** (MLB5005): 1 of 40 expectations failed\n", iris);
        var rows = TableAfter(iris, "| metric");
        Assert.Equal(["metric", "baseline", "candidate", "delta", "delta 95% interval", "significant", "gate", "result"], rows[0]);
        Assert.Equal(["---", "---:", "---:", "---:", "---", "---", "---", "---"], rows[1]);
        Assert.Equal(["MacroAccuracy ↑", "0.9020", "0.8710", "🔴 -3.10 pp", "[-5.00 pp, -1.00 pp]", "yes", "decrease ≤ 0.0100", "❌ **fail**"], rows[2]);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        Assert.DoesNotContain(rows, r => r[0].StartsWith("PredictionLatency", StringComparison.Ordinal));
    }

    [Fact]
    public void Meta_metrics_have_their_own_table_after_the_quality_metrics()
    {
        var iris = Section("### ❌ Iris");
        var runtime = TableAfter(iris, "**Runtime and size**");

        Assert.Equal(["metric", "baseline", "candidate", "delta", "gate", "result"], runtime[0]);
        Assert.Equal(["PredictionLatencyP95Ms ↓", "1.42 ms", "1.92 ms", "🔴 +0.500 ms (+35.2 %)", "increase ≤ 50 %", "✅ pass"], runtime[2]);
        Assert.Equal(["PeakMemoryBytes", "ModelSizeBytes", "TrainingSeconds"], runtime.Skip(3).Select(r => r[0].Split(' ')[0]));
        Assert.True(iris.IndexOf("| metric", StringComparison.Ordinal) < iris.IndexOf("**Runtime and size**", StringComparison.Ordinal));
    }

    [Fact]
    public void Params_and_data_file_changes_are_listed_beside_the_metrics()
    {
        Assert.Equal(["NumberOfTrees", "50", "100"], TableAfter(_markdown, "**Params changed**")[2]);
        Assert.Equal(["data/train.csv", "train", "changed", "100 B", "120 B"], TableAfter(_markdown, "**Data files changed**")[2]);
    }

    [Fact]
    public void Slice_tables_are_collapsed_show_the_worst_slice_first_and_escape_names()
    {
        Assert.Contains("<details><summary>Slices by Soil|Type: 2 values, worst &lt;b&gt;clay&lt;/b&gt; (MacroAccuracy 0.6100, 18 rows)</summary>\n\n", _markdown);
        var rows = TableAfter(_markdown, "<summary>Slices by");

        Assert.Equal([@"Soil\|Type", "rows", "MacroAccuracy ↑"], rows[0]);
        Assert.Equal(["⚠️ **&lt;b&gt;clay&lt;/b&gt;** (worst)", "18", "0.6100"], rows[2]);
        Assert.Equal(["sand", "12", "0.9500"], rows[3]);
        Assert.DoesNotContain("<b>", _markdown);
    }

    [Fact]
    public void Failed_expectations_point_at_file_and_line_relative_to_the_project()
    {
        Assert.Contains("<details><summary>❌ Failed expectations: 1 of 40</summary>\n\n- tests/iris.expect.jsonl:12: expected setosa, got versicolor\n\n</details>\n", _markdown);
    }

    [Fact]
    public void In_a_pull_request_run_a_failed_expectation_links_to_its_line_at_the_candidate_commit()
    {
        var markdown = MarkdownReport.Render(ReportFixtures.Report("origin/main", ReportFixtures.BaselineSha, ReportFixtures.InActions()));

        Assert.Contains($"- [tests/iris.expect.jsonl:12]({ReportFixtures.RepositoryUrl}/blob/{ReportFixtures.HeadSha}/samples/Iris/tests/iris.expect.jsonl#L12): expected setosa", markdown);
    }

    [Fact]
    public void A_multiclass_model_gets_a_per_class_table_weakest_first_and_a_confusion_matrix_with_the_diagonal_marked()
    {
        var perClass = TableAfter(_markdown, "<summary>Per class: 2 classes, lowest F1 first</summary>");
        Assert.Equal(["class", "precision", "recall", "F1", "support"], perClass[0]);
        Assert.Equal([@"versi\`color", "0.8000", "0.8500", "0.8200", "20"], perClass[2]);
        Assert.Equal(["setosa", "1.0000", "0.9000", "0.9470", "10"], perClass[3]);

        var confusion = TableAfter(_markdown, "<summary>Confusion matrix: 2 classes</summary>");
        Assert.Equal(["actual / predicted", "setosa", @"versi\`color"], confusion[0]);
        Assert.Equal(["setosa", "**9**", "1"], confusion[2]);
        Assert.Equal([@"versi\`color", "3", "**17**"], confusion[3]);
    }

    [Fact]
    public void Collapsed_sections_have_a_blank_line_after_the_summary_so_their_markdown_renders()
    {
        foreach (var summary in _markdown.Split('\n').Where(l => l.StartsWith("<details", StringComparison.Ordinal)))
            Assert.EndsWith("</summary>", summary);
        Assert.DoesNotContain("</summary>\n|", _markdown);
        Assert.Equal(_markdown.Split("<details").Length, _markdown.Split("</details>\n\n").Length);
    }

    [Fact]
    public void A_model_without_a_baseline_has_no_baseline_columns()
    {
        var heart = Section(@"### ✅ Heart\|Disease");

        Assert.Contains("1 gate, passed; new model: not in baseline HEAD (3f2a1b9); 30 test rows", heart);
        Assert.Equal(["metric", "candidate", "95% interval", "gate", "result"], TableAfter(heart, "| metric")[0]);
        Assert.DoesNotContain("**Params changed**", heart);
    }

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("**bold** _it_ [link](x) ~~old~~ #1", "\\*\\*bold\\*\\* \\_it\\_ \\[link\\](x) \\~\\~old\\~\\~ \\#\u200B1")]
    [InlineData("@octocat", "@\u200Boctocat")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("$x^2$", @"\$x^2\$")]
    [InlineData("--> end", "--&gt; end")]
    [InlineData("Iris-v1.2", "Iris-v1.2")]
    public void Names_from_the_project_are_escaped(string name, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(name));

    [Theory]
    [InlineData("<b>\"x\" & y</b>", "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;")]
    [InlineData("a_b *c*", "a_b *c*")]
    [InlineData("two\r\nlines", "two  lines")]
    public void Text_inside_a_summary_tag_is_escaped_for_html_only(string text, string escaped) =>
        Assert.Equal(escaped, MarkdownText.EscapeHtml(text));

    [Fact]
    public void An_empty_report_says_nothing_was_evaluated()
    {
        var markdown = MarkdownReport.Render(EvaluationReport.Create("none (not a git repository)", [], []));

        Assert.Equal("## MlBuild evaluation: no model was evaluated\n\nCandidate: the working tree · baseline: none (not a git repository)\n", markdown);
    }
}
