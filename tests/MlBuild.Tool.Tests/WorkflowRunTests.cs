using MlBuild.StandIn.Faults;
using MlBuild.Tool.Tests.Support;

namespace MlBuild.Tool.Tests;

/// <summary>
/// The fork-safe pattern: a fork's run saved its report (and the pull request number) as an artifact, and a
/// privileged workflow_run job posts it. The number is the fork's word; the event's head_sha is GitHub's.
/// </summary>
public sealed class WorkflowRunTests
{
    const string OtherSha = "cafe00000000000000000000000000000000beef";

    [Fact]
    public async Task Posts_on_the_saved_pull_request_when_its_head_is_the_commit_the_run_evaluated()
    {
        await using var scenario = await ToolScenario.StartAsync();
        scenario.GitHub.SeedPullRequest(ToolScenario.Repository, 7, ToolScenario.HeadSha, ToolScenario.BaseSha, headRepository: "fork/app");
        var report = scenario.SaveReport("Iris", "## Iris", pullRequest: 7, headSha: ToolScenario.HeadSha);
        scenario.OnWorkflowRun(headSha: ToolScenario.HeadSha);

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(scenario.GitHub.Comments(ToolScenario.Repository, 7));
        var requests = scenario.GitHub.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.True(requests.IndexOf("GET /repos/octo/app/pulls/7") < requests.IndexOf("POST /repos/octo/app/issues/7/comments"),
            string.Join(", ", requests));
        Assert.Contains("Posted the report on octo/app#7", run.Output);
    }

    [Fact]
    public async Task A_saved_number_naming_another_pull_request_is_refused_and_nothing_is_posted()
    {
        await using var scenario = await ToolScenario.StartAsync();
        scenario.GitHub.SeedPullRequest(ToolScenario.Repository, 7, ToolScenario.HeadSha, ToolScenario.BaseSha, headRepository: "fork/app");
        scenario.GitHub.SeedPullRequest(ToolScenario.Repository, 8, OtherSha, ToolScenario.BaseSha);
        // The fork's run wrote #8, someone else's pull request, into its artifact.
        var report = scenario.SaveReport("Iris", "## Totally legitimate report", pullRequest: 8, headSha: OtherSha);
        scenario.OnWorkflowRun(headSha: ToolScenario.HeadSha);

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MLB6006: Refusing to post on octo/app#8", run.Output);
        Assert.Contains("::error title=MLB6006::", run.Output);
        Assert.Contains("may not choose which pull request it lands on", run.Output);
        Assert.Contains(OtherSha[..12], run.Output);
        Assert.Contains(ToolScenario.HeadSha[..12], run.Output);
        Assert.DoesNotContain(scenario.GitHub.Requests, r => r.Method is "POST" or "PATCH" or "DELETE");
        Assert.Empty(scenario.GitHub.Comments(ToolScenario.Repository, 8));
    }

    [Fact]
    public async Task Pull_request_given_as_an_option_is_checked_too_in_a_workflow_run()
    {
        await using var scenario = await ToolScenario.StartAsync();
        scenario.GitHub.SeedPullRequest(ToolScenario.Repository, 8, OtherSha, ToolScenario.BaseSha);
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.OnWorkflowRun(headSha: ToolScenario.HeadSha);

        var run = await scenario.RunAsync("report", "post", "--pull-request", "8", report);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Refusing to post on octo/app#8, the pull request named by --pull-request", run.Output);
        Assert.DoesNotContain(scenario.GitHub.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_failed_check_is_a_warning_and_githubs_text_is_masked()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris", pullRequest: 7);
        scenario.OnWorkflowRun();
        // An error whose text quotes the token: nothing the tool prints may carry it (ToolScenario checks every run).
        scenario.GitHub.Enqueue("GET", "/repos/*/*/pulls/*",
            ScriptedResponse.Json(422, new { message = $"Token {ToolScenario.Token} is not valid here", status = "422" }));

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("::warning title=MLB6001::Could not check octo/app#7 before posting: GitHub answered 422 (Token *** is not valid here)", run.Output);
        Assert.DoesNotContain(scenario.GitHub.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_run_whose_saved_report_names_no_pull_request_posts_nothing()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris");
        scenario.OnWorkflowRun();

        var run = await scenario.RunAsync("report", "post", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("neither the workflow_run event nor the saved report names a pull request", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }
}
