using System.Text;
using MlBuild.GitHub.Actions;

namespace MlBuild.GitHub.Tests.Actions;

public sealed class StepSummaryTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("mlbuild-summary-").FullName;

    string SummaryPath => Path.Combine(directory, "step_summary");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_first_report_creates_the_file_in_utf8_without_a_bom()
    {
        var result = StepSummary.Append(SummaryPath, "## Iris ✅");

        Assert.Equal(StepSummaryResult.Appended, result);
        Assert.Equal(Encoding.UTF8.GetBytes("## Iris ✅\n"), File.ReadAllBytes(SummaryPath));
    }

    [Fact]
    public void Reports_are_separated_by_a_blank_line()
    {
        StepSummary.Append(SummaryPath, "## Iris\n");
        StepSummary.Append(SummaryPath, "## Taxi");

        Assert.Equal("## Iris\n\n## Taxi\n", File.ReadAllText(SummaryPath));
    }

    [Theory]
    [InlineData("earlier step", "earlier step\n\n## Iris\n")]
    [InlineData("earlier step\n", "earlier step\n\n## Iris\n")]
    [InlineData("earlier step\n\n", "earlier step\n\n## Iris\n")]
    public void What_another_step_wrote_is_kept_and_separated(string existing, string expected)
    {
        File.WriteAllText(SummaryPath, existing);

        StepSummary.Append(SummaryPath, "## Iris");

        Assert.Equal(expected, File.ReadAllText(SummaryPath));
    }

    [Fact]
    public void A_report_that_would_pass_the_limit_is_replaced_by_a_note()
    {
        File.WriteAllText(SummaryPath, new string('x', StepSummary.MaxBytes - 500) + "\n");

        var result = StepSummary.Append(SummaryPath, new string('y', 5000), "in the artifact `mlbuild-report`");

        Assert.Equal(StepSummaryResult.NoteAppended, result);
        var text = File.ReadAllText(SummaryPath);
        Assert.True(new FileInfo(SummaryPath).Length <= StepSummary.MaxBytes);
        Assert.DoesNotContain("yyyy", text);
        Assert.Contains("does not fit in this step's summary", text);
        Assert.Contains("in the artifact `mlbuild-report`", text);
    }

    [Fact]
    public void A_full_summary_is_left_as_it_is()
    {
        File.WriteAllText(SummaryPath, new string('x', StepSummary.MaxBytes - 5));

        Assert.Equal(StepSummaryResult.Full, StepSummary.Append(SummaryPath, "## Iris"));
        Assert.Equal(StepSummary.MaxBytes - 5, new FileInfo(SummaryPath).Length);
    }

    [Fact]
    public async Task Reports_appended_at_once_are_all_kept_whole()
    {
        var reports = Enumerable.Range(0, 8).Select(i => $"## Model {i}\n" + string.Concat(Enumerable.Repeat($"| row {i} |\n", 200))).ToList();

        await Task.WhenAll(reports.Select(report => Task.Run(() => StepSummary.Append(SummaryPath, report))));

        var text = File.ReadAllText(SummaryPath);
        Assert.All(reports, report => Assert.Contains(report, text));
        Assert.Equal(reports.Sum(r => r.Length) + 7, text.Length);
    }
}
