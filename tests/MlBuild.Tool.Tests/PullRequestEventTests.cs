using MlBuild.Tool.Tests.Support;

namespace MlBuild.Tool.Tests;

/// <summary><c>mlbuild report post</c> in a pull request's own run, and the cases where it posts nothing.</summary>
public sealed class PullRequestEventTests
{
    const string Marker = "<!-- mlbuild-report id=\"samples\" -->";

    [Fact]
    public async Task Posts_a_saved_report_on_the_pull_request_the_event_names()
    {
        await using var scenario = await ToolScenario.StartAsync();
        // The event is GitHub's word; a saved number (here a stale one) does not override it.
        var report = scenario.SaveReport("Iris", "## MlBuild: all gates pass", pullRequest: 99);
        scenario.OnPullRequest(number: 7);

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        var comment = Assert.Single(scenario.GitHub.Comments(ToolScenario.Repository, 7));
        Assert.Equal(Marker + "\n## MlBuild: all gates pass\n", comment.Body);
        Assert.Empty(scenario.GitHub.Comments(ToolScenario.Repository, 99));
        Assert.Contains("Posted the report on octo/app#7", run.Output);
        Assert.DoesNotContain("::", run.Output);
    }

    [Fact]
    public async Task Two_saved_reports_make_one_comment_that_the_next_run_updates_in_place()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var iris = scenario.SaveReport("Iris", "## Iris\nMacroAccuracy 0.93\n", reportId: "CI:samples/Iris/Iris.csproj", pullRequest: 7);
        var taxi = scenario.SaveReport("Taxi", "## Taxi\nRSquared 0.71\n", reportId: "CI:samples/Taxi/Taxi.csproj", pullRequest: 7);
        scenario.OnPullRequest();

        var first = await scenario.RunAsync("report", "post", "--report-id", "samples", iris, taxi);
        scenario.SaveReport("Taxi", "## Taxi\nRSquared 0.74\n", reportId: "CI:samples/Taxi/Taxi.csproj", pullRequest: 7);
        var second = await scenario.RunAsync("report", "post", "--report-id", "samples", iris, taxi);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var comment = Assert.Single(scenario.GitHub.Comments(ToolScenario.Repository, ToolScenario.Number));
        Assert.Equal(Marker + "\n# MlBuild: 2 projects\n\n## Iris\nMacroAccuracy 0.93\n\n---\n\n## Taxi\nRSquared 0.74\n", comment.Body);
        Assert.Single(scenario.GitHub.Requests, r => r.Method == "POST");
        Assert.Single(scenario.GitHub.Requests, r => r.Method == "PATCH" && r.Path.EndsWith($"/comments/{comment.Id}", StringComparison.Ordinal));
        Assert.Contains("Updated the report on octo/app#7", second.Output);
    }

    [Fact]
    public async Task A_combined_comment_says_first_which_projects_failed_and_shows_them_first()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var iris = scenario.SaveReport("Iris", "## ❌ Iris\n", pullRequest: 7, passed: false, project: "samples/Iris_v2/Iris.csproj");
        var taxi = scenario.SaveReport("Taxi", "## ✅ Taxi\n", pullRequest: 7, passed: true, project: "samples/Taxi/Taxi.csproj");
        var heart = scenario.SaveReport("Heart", "## ✅ Heart\n", pullRequest: 7, passed: true, project: "samples/Heart/Heart.csproj");
        scenario.OnPullRequest();

        var failing = await scenario.RunAsync("report", "post", taxi, iris, heart);
        var failingBody = Assert.Single(scenario.GitHub.Comments(ToolScenario.Repository, ToolScenario.Number)).Body;
        var passing = await scenario.RunAsync("report", "post", taxi, heart);

        Assert.Equal((0, 0), (failing.ExitCode, passing.ExitCode));
        Assert.StartsWith(Marker + "\n# MlBuild: ❌ 1 of 3 projects failed (samples/Iris\\_v2/Iris.csproj)\n\n## ❌ Iris\n", failingBody);
        Assert.StartsWith(Marker + "\n# MlBuild: ✅ all 2 projects pass\n\n",
            Assert.Single(scenario.GitHub.Comments(ToolScenario.Repository, ToolScenario.Number)).Body);
    }

    [Fact]
    public async Task Reports_with_different_ids_need_report_id_to_share_a_comment()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var iris = scenario.SaveReport("Iris", "## Iris", reportId: "samples/Iris");
        var taxi = scenario.SaveReport("Taxi", "## Taxi", reportId: "samples/Taxi");
        scenario.OnPullRequest();

        var run = await scenario.RunAsync("report", "post", iris, taxi);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MLB6007: The reports have different ids (samples/Iris, samples/Taxi)", run.Output);
        Assert.Contains("--report-id", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task Reports_made_for_different_pull_requests_are_not_combined()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var iris = scenario.SaveReport("Iris", "## Iris", pullRequest: 7);
        var taxi = scenario.SaveReport("Taxi", "## Taxi", pullRequest: 8);
        scenario.OnWorkflowRun();

        var run = await scenario.RunAsync("report", "post", iris, taxi);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MLB6007: The reports were made for different pull requests (#7, #8)", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task Without_a_token_it_says_so_and_sends_nothing()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.OnPullRequest();
        scenario.Environment.Remove("GITHUB_TOKEN");

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not posted on octo/app#7: no token (GITHUB_TOKEN is not set)", run.Output);
        Assert.Contains("GITHUB_TOKEN", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task Without_a_token_fail_on_error_fails_without_a_request()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.OnPullRequest();
        scenario.Environment["GITHUB_TOKEN"] = "";

        var run = await scenario.RunAsync("report", "post", "--fail-on-error", report);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error title=MLB6002::", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task A_read_only_token_is_a_warning_annotation_and_not_a_failure()
    {
        await using var scenario = await ToolScenario.StartAsync(readOnlyToken: true);
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.OnPullRequest();

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        var annotation = Assert.Single(lines, line => line.StartsWith("::warning title=MLB6001::", StringComparison.Ordinal));
        Assert.Contains("Resource not accessible by integration", annotation);
        Assert.Contains("workflow_run", annotation);
        Assert.Contains(report, annotation);
        Assert.Contains(lines, line => line.StartsWith("warning MLB6001: ", StringComparison.Ordinal));
        Assert.Empty(scenario.GitHub.Comments(ToolScenario.Repository, ToolScenario.Number));
    }

    [Fact]
    public async Task A_read_only_token_with_fail_on_error_is_an_error()
    {
        await using var scenario = await ToolScenario.StartAsync(readOnlyToken: true);
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.OnPullRequest();

        var run = await scenario.RunAsync("report", "post", "--fail-on-error", report);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error title=MLB6002::", run.Output);
        Assert.DoesNotContain("::warning", run.Output);
    }

    [Fact]
    public async Task A_missing_report_folder_fails_and_names_the_path()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var present = scenario.SaveReport("Iris", "## Iris");
        var missing = Path.Combine(scenario.Folder, "reports", "Taxi");
        scenario.OnPullRequest();

        var run = await scenario.RunAsync("report", "post", present, missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error MLB6003: {missing}: no such folder or file", run.Output);
        Assert.Contains($"::error title=MLB6003::{missing}", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task A_folder_without_a_report_names_the_report_md_it_looked_for()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var empty = Directory.CreateDirectory(Path.Combine(scenario.Folder, "reports", "Empty")).FullName;

        var run = await scenario.RunAsync("report", "post", empty);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error MLB6003: {Path.Combine(empty, "report.md")}: no saved report there", run.Output);
    }

    [Fact]
    public async Task A_run_that_is_not_for_a_pull_request_posts_nothing()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris", pullRequest: 7);
        scenario.Environment["GITHUB_EVENT_NAME"] = "push";

        var run = await scenario.RunAsync("report", "post", "--fail-on-error", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("this run (push) is not for a pull request", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task An_unreadable_event_payload_is_a_warning_and_sends_nothing()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.Environment["GITHUB_EVENT_NAME"] = "pull_request";
        scenario.Environment["GITHUB_EVENT_PATH"] = Path.Combine(scenario.Folder, "no-event.json");

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("::warning title=MLB6004::", run.Output);
        Assert.Contains("no-event.json", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Fact]
    public async Task Outside_Actions_the_pull_request_and_repository_are_given_as_options()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris");
        foreach (var name in new[] { "GITHUB_ACTIONS", "GITHUB_REPOSITORY", "GITHUB_RUN_ID" })
            scenario.Environment.Remove(name);

        var run = await scenario.RunAsync("report", "post", "--pull-request", "12", "--repository", "octo/other", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(scenario.GitHub.Comments("octo/other", 12));
        Assert.Contains("Posted the report on octo/other#12", run.Output);
    }

    [Fact]
    public async Task Step_summary_appends_the_combined_report_only_when_asked()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var iris = scenario.SaveReport("Iris", "## Iris");
        var taxi = scenario.SaveReport("Taxi", "## Taxi");
        var summary = Path.Combine(scenario.Folder, "summary.md");
        scenario.Environment["GITHUB_STEP_SUMMARY"] = summary;
        scenario.OnPullRequest();

        await scenario.RunAsync("report", "post", iris, taxi);
        Assert.False(File.Exists(summary));
        var run = await scenario.RunAsync("report", "post", "--step-summary", iris, taxi);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("# MlBuild: 2 projects\n\n## Iris\n\n---\n\n## Taxi\n", File.ReadAllText(summary));
    }
}
