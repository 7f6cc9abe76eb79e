using MlBuild.Core.Reporting;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>The markdown report, whole, against files a reviewer has read (Reporting/Golden).</summary>
public sealed class GoldenReportTests
{
    [Fact]
    public void A_failing_multiclass_model_in_a_pull_request_run() =>
        GoldenFile.Verify(MarkdownReport.Render(ReportFixtures.Report("origin/main", ReportFixtures.BaselineSha, ReportFixtures.InActions())),
            "failing-multiclass");

    [Fact]
    public void The_same_report_on_a_developer_machine_has_no_links() =>
        GoldenFile.Verify(MarkdownReport.Render(ReportFixtures.Report("HEAD", ReportFixtures.BaselineSha, ReportFixtures.Local())),
            "failing-multiclass-local");

    [Fact]
    public void A_passing_regression_model_with_params_and_data_changes() =>
        GoldenFile.Verify(MarkdownReport.Render(GoldenFixtures.PassingRegression()), "passing-regression");

    [Fact]
    public void A_first_run_without_baseline() =>
        GoldenFile.Verify(MarkdownReport.Render(GoldenFixtures.NoBaseline()), "no-baseline");
}
