using MlBuild.Tasks.Reporting;

namespace MlBuild.Tasks.Tests.Reporting;

public sealed class MarkdownReportTests
{
    private readonly string _markdown = MarkdownReport.Render(ReportFixtures.Report());

    private string Section(string heading)
    {
        var start = _markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' in:\n{_markdown}");
        var end = _markdown.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? _markdown[start..] : _markdown[start..end];
    }

    private static List<string[]> TableRows(string section) => section.Split('\n')
        .Where(l => l.StartsWith('|'))
        .Select(l => SplitCells(l))
        .ToList();

    // Cells split on pipes that are not escaped.
    private static string[] SplitCells(string row) =>
        System.Text.RegularExpressions.Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray();

    [Fact]
    public void The_report_says_whether_it_passed_and_lists_failing_models_first()
    {
        Assert.StartsWith("# MlBuild evaluation: **failed**\n\nBaseline: HEAD (3f2a1b9)\n", _markdown);
        var summary = TableRows(Section("# MlBuild evaluation: **failed**"));
        Assert.Equal(["model", "result", "gates", "failed", "baseline"], summary[0]);
        Assert.Equal("Iris", summary[2][0]);
        Assert.Equal("**failed**", summary[2][1]);
        Assert.Equal(@"Heart\|Disease", summary[3][0]);
        Assert.True(_markdown.IndexOf("## Iris", StringComparison.Ordinal) < _markdown.IndexOf(@"## Heart\|Disease", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_section_lists_its_failures_then_a_metrics_table_with_failing_rows_first()
    {
        var iris = Section("## Iris: failed");

        Assert.Contains("- **Failed** (MLB5016): Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020; allowed 0.0100\n", iris);
        var rows = TableRows(iris);
        Assert.Equal(["metric", "baseline", "candidate", "delta", "95% interval", "delta 95% interval", "significant", "gate", "result"], rows[0]);
        Assert.Equal(["---", "---:", "---:", "---:", "---", "---", "---", "---", "---"], rows[1]);
        Assert.Equal(["MacroAccuracy ↑", "0.9020", "0.8710", "-3.10 pp", "[0.8300, 0.9100]", "[-5.00 pp, -1.00 pp]", "yes", "decrease ≤ 0.0100", "**FAIL**"], rows[2]);
        Assert.Equal("PredictionLatencyP95Ms ↓", rows[3][0]);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public void Params_and_data_file_changes_are_listed_beside_the_metrics()
    {
        Assert.Equal(["NumberOfTrees", "50", "100"], TableRows(Section("### Params changed"))[2]);
        Assert.Equal(["data/train.csv", "train", "changed", "100 B", "120 B"], TableRows(Section("### Data files changed"))[2]);
    }

    [Fact]
    public void Slice_tables_mark_the_worst_slice_and_escape_names()
    {
        var section = Section(@"### Slices by Soil\|Type");
        var rows = TableRows(section);

        Assert.Equal([@"Soil\|Type", "rows", "MacroAccuracy"], rows[0]);
        Assert.Equal(["sand", "12", "0.9500"], rows[2]);
        Assert.Equal(["**&lt;b&gt;clay&lt;/b&gt;** (worst)", "18", "0.6100"], rows[3]);
        Assert.DoesNotContain("<b>", _markdown);
    }

    [Fact]
    public void Failed_expectations_point_at_file_and_line_relative_to_the_project()
    {
        var section = Section("### Failed expectations (1 of 40)");

        Assert.Contains("- tests/iris.expect.jsonl:12: expected setosa, got versicolor\n", section);
    }

    [Fact]
    public void A_multiclass_model_gets_a_per_class_table_and_a_confusion_matrix_with_the_diagonal_marked()
    {
        var perClass = TableRows(Section("### Per class"));
        Assert.Equal(["class", "precision", "recall", "F1", "support"], perClass[0]);
        Assert.Equal(["setosa", "1.0000", "0.9000", "0.9470", "10"], perClass[2]);
        Assert.Equal(@"versi\`color", perClass[3][0]);

        var confusion = TableRows(Section("### Confusion matrix"));
        Assert.Equal(["actual / predicted", "setosa", @"versi\`color"], confusion[0]);
        Assert.Equal(["setosa", "**9**", "1"], confusion[2]);
        Assert.Equal([@"versi\`color", "3", "**17**"], confusion[3]);
    }

    [Fact]
    public void A_model_without_a_baseline_has_no_paired_interval_column()
    {
        var heart = Section(@"## Heart\|Disease");

        Assert.Contains("1 gate, passed; new model: not in baseline HEAD (3f2a1b9); 30 test rows", heart);
        Assert.Equal(["metric", "baseline", "candidate", "delta", "95% interval", "significant", "gate", "result"], TableRows(heart)[0]);
        Assert.DoesNotContain("### Params changed", heart);
    }

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("**bold** _it_ [link](x) ~~old~~ #1", @"\*\*bold\*\* \_it\_ \[link\](x) \~\~old\~\~ \#1")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("Iris-v1.2", "Iris-v1.2")]
    public void Names_from_the_project_are_escaped(string name, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(name));

    [Fact]
    public void An_empty_report_says_nothing_was_evaluated()
    {
        var markdown = MarkdownReport.Render(EvaluationReport.Create("none (not a git repository)", [], []));

        Assert.Equal("# MlBuild evaluation: passed\n\nBaseline: none (not a git repository)\n\nNo model was evaluated.\n", markdown);
    }
}
