using MlBuild.IntegrationTests.Infrastructure;
using MlBuild.StandIn;
using MlBuild.StandIn.Faults;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// dotnet build -t:Evaluate as GitHub Actions runs it for a pull request, posting through the real Octokit client to
/// a GitHub REST API stand-in on 127.0.0.1: one comment created then updated in place, found among other people's,
/// duplicates removed, failures retried, a fork's read-only token falling back to the step summary, and no call at
/// all without a token.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PullRequestReportTests(PackageFeedFixture feed) : IAsyncLifetime
{
    private const string Token = "ghs_itTokenThatMustNeverBeLogged0001";
    private const string ReadOnlyToken = "ghs_itForkTokenThatMustNeverBeLogged02";
    private const string ReportId = "CI:Iris.csproj";
    private const string Marker = $"<!-- mlbuild-report id=\"{ReportId}\" -->";
    private GitHubStandIn _github = null!;

    public async Task InitializeAsync()
    {
        _github = await GitHubStandIn.StartAsync();
        _github.AddInstallationToken(Token);
        _github.AddInstallationToken(ReadOnlyToken, readOnly: true);
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private TestProject IrisProject(string gates = "") =>
        new TestProject(feed, "Iris")
            .WithProject($"""
                <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv"
                         TestData="data/test.tsv" LabelColumn="Label" />
                {gates}
                """)
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv");

    private IReadOnlyList<StandIn.State.StandInComment> OurComments() =>
        _github.Comments(ActionsRun.Repository, ActionsRun.PullRequest).Where(c => c.Body.Contains(Marker, StringComparison.Ordinal)).ToList();

    private int Writes() => _github.Requests.Count(r => r.Method is "POST" or "PATCH" or "DELETE");

    [Fact]
    public void The_first_run_creates_the_comment_among_40_others_an_unchanged_report_writes_nothing_and_a_new_run_updates_it_in_place()
    {
        var project = IrisProject();
        for (var i = 0; i < 40; i++)
            _github.SeedComment(ActionsRun.Repository, ActionsRun.PullRequest, i % 2 == 0 ? "alice" : "bob", $"Review remark {i}",
                DateTimeOffset.UtcNow.AddHours(-50 + i));
        var run = new ActionsRun(_github, project, Token);

        var first = project.Evaluate(run.Environment(), "-v:d");

        Assert.True(first.Succeeded, first.ToString());
        var created = Assert.Single(OurComments());
        Assert.Equal(GitHubStandIn.ActionsBot, created.Login);
        Assert.Contains("MlBuild evaluation", created.Body);
        Assert.Contains("MacroAccuracy", created.Body);
        Assert.Contains($"actions/runs/{run.RunId}", created.Body);
        Assert.Equal(41, _github.Comments(ActionsRun.Repository, ActionsRun.PullRequest).Count);
        // The worker's output is folded under its headline in the log.
        Assert.Contains("::group::Training Iris…", first.Output);
        Assert.Contains("::endgroup::", first.Output);
        // The step summary has the report too, and the report is saved for posting from another run.
        Assert.Contains("MacroAccuracy", run.StepSummaryText);
        var saved = File.ReadAllText(project.IntermediateFile("mlbuild-report.json"));
        Assert.Contains($"\"pullRequestNumber\": {ActionsRun.PullRequest}", saved);
        Assert.Contains(ActionsRun.HeadSha, saved);
        Assert.Contains("\"passed\": true", saved);
        Assert.Contains("\"project\": \"Iris.csproj\"", saved);
        // Not even the detailed log shows the token.
        Assert.DoesNotContain(Token, first.Output);

        _github.ClearRequests();
        var unchanged = project.Evaluate(run.Environment());

        Assert.True(unchanged.Succeeded, unchanged.ToString());
        Assert.Equal(0, Writes());
        Assert.Contains(_github.Requests, r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
        Assert.Equal(created.Body, Assert.Single(OurComments()).Body);

        run.RunId = 1002;
        _github.ClearRequests();
        var updated = project.Evaluate(run.Environment());

        Assert.True(updated.Succeeded, updated.ToString());
        var comment = Assert.Single(OurComments());
        Assert.Equal(created.Id, comment.Id);
        Assert.Contains("actions/runs/1002", comment.Body);
        Assert.Equal(["PATCH"], _github.Requests.Where(r => r.Method is "POST" or "PATCH" or "DELETE").Select(r => r.Method));
        Assert.DoesNotContain(Token, unchanged.Output + updated.Output);
    }

    [Fact]
    public void Duplicates_left_by_a_concurrent_run_are_removed_and_the_oldest_comment_is_kept()
    {
        var project = IrisProject();
        var oldest = _github.SeedComment(ActionsRun.Repository, ActionsRun.PullRequest, GitHubStandIn.ActionsBot,
            Marker + "\nan older report", DateTimeOffset.UtcNow.AddHours(-2));
        _github.SeedComment(ActionsRun.Repository, ActionsRun.PullRequest, "mallory", Marker + "\nnot ours: another author",
            DateTimeOffset.UtcNow.AddHours(-1.5));
        _github.SeedComment(ActionsRun.Repository, ActionsRun.PullRequest, GitHubStandIn.ActionsBot,
            Marker + "\na concurrent run's report", DateTimeOffset.UtcNow.AddHours(-1));

        var evaluation = project.Evaluate(new ActionsRun(_github, project, Token).Environment());

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        var ours = OurComments().Where(c => c.Login == GitHubStandIn.ActionsBot).ToList();
        var kept = Assert.Single(ours);
        Assert.Equal(oldest.Id, kept.Id);
        Assert.Contains("MacroAccuracy", kept.Body);
        Assert.Contains(OurComments(), c => c.Login == "mallory");
    }

    [Fact]
    public void A_502_and_a_secondary_rate_limit_are_retried_waiting_as_GitHub_says()
    {
        var project = IrisProject();
        _github.Enqueue("GET", "/repos/*/*/issues/*/comments", ScriptedResponse.SecondaryRateLimit(retryAfterSeconds: 60));
        _github.Enqueue("POST", "/repos/*/*/issues/*/comments", ScriptedResponse.ServerError(502));

        var evaluation = project.Evaluate(new ActionsRun(_github, project, Token).Environment());

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Single(OurComments());
        Assert.Equal(0, _github.PendingFaults);
        var lists = _github.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal)).ToList();
        Assert.Equal(403, lists[0].Status);
        // Retry-After: 60, scaled by MLBUILD_GITHUB_WAIT_SCALE=0.01: at least 0.6 s between the two (a lower bound only).
        Assert.True(lists[1].Elapsed - lists[0].Elapsed >= TimeSpan.FromSeconds(0.59),
            $"retried after {(lists[1].Elapsed - lists[0].Elapsed).TotalSeconds:0.000} s");
        Assert.Equal([502, 201], _github.Requests.Where(r => r.Method == "POST").Select(r => r.Status));
    }

    [Fact]
    public void A_forks_read_only_token_falls_back_to_the_step_summary_and_the_build_succeeds()
    {
        var project = IrisProject();
        var run = new ActionsRun(_github, project, ReadOnlyToken);

        var evaluation = project.Evaluate(run.Environment());

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        var warning = Assert.Single(evaluation.Diagnostics("warning"), d => d.Code == "MLB6001");
        Assert.Contains("step summary", warning.Message);
        Assert.Empty(_github.Comments(ActionsRun.Repository, ActionsRun.PullRequest));
        Assert.Contains("MacroAccuracy", run.StepSummaryText);
        Assert.DoesNotContain(ReadOnlyToken, evaluation.Output);
    }

    [Fact]
    public void A_failed_post_fails_the_build_only_when_asked()
    {
        var project = IrisProject();

        var evaluation = project.Evaluate(new ActionsRun(_github, project, ReadOnlyToken).Environment(),
            "-p:MlBuildReportFailOnPostError=true");

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB6002");
    }

    [Fact]
    public void A_token_of_another_name_through_MlBuildGitHubToken_reaches_the_poster_and_no_log()
    {
        var project = new TestProject(feed, "Iris")
            .WithProject("""
                <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv"
                         TestData="data/test.tsv" LabelColumn="Label" />
                """, properties: "<MlBuildGitHubToken>$(MY_BOT_TOKEN)</MlBuildGitHubToken>")
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv");
        var run = new ActionsRun(_github, project, token: null);
        var environment = new Dictionary<string, string?>(run.Environment()) { ["MY_BOT_TOKEN"] = Token };

        var evaluation = project.Evaluate(environment, "-v:d");

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Single(OurComments());
        // The tool gets it as its GITHUB_TOKEN on its process only, never in the environment ToolTask logs. What a
        // property carries MSBuild itself logs at detailed verbosity (the property read from the environment, the
        // task parameter), and the runner is asked to mask it: the README says to prefer GITHUB_TOKEN for that reason.
        var shown = evaluation.Output.Split('\n').Where(line => line.Contains(Token, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(shown, line => line.Contains("GITHUB_TOKEN", StringComparison.Ordinal));
        Assert.All(shown, line => Assert.True(
            line.Contains("expanded from the environment", StringComparison.Ordinal) || line.Contains("Task Parameter:Token=", StringComparison.Ordinal)
            || line.Contains("::add-mask::", StringComparison.Ordinal), line));
    }

    [Fact]
    public void Without_a_token_no_call_is_made_and_the_report_still_reaches_the_step_summary()
    {
        var project = IrisProject();
        var run = new ActionsRun(_github, project, token: null);

        var evaluation = project.Evaluate(run.Environment());

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Empty(_github.Requests);
        Assert.Contains("no token", evaluation.Output);
        Assert.Contains("MacroAccuracy", run.StepSummaryText);
    }

    [Fact]
    public void A_broken_gate_is_posted_and_annotated_before_the_build_fails()
    {
        var project = IrisProject("""<MlGate Include="Iris" Metric="MacroAccuracy" Min="0.999" />""");

        var evaluation = project.Evaluate(new ActionsRun(_github, project, Token).Environment());

        Assert.False(evaluation.Succeeded, evaluation.ToString());
        Assert.Single(evaluation.Diagnostics(), d => d.Code == "MLB5016");
        var comment = Assert.Single(OurComments());
        Assert.Contains("❌", comment.Body);
        Assert.Contains("1 gate", comment.Body);
        Assert.Contains($"::error file=Iris.csproj,line={project.LineOf("<MlGate")},", evaluation.Output);
        Assert.Contains("title=MLB5016::Iris: MacroAccuracy", evaluation.Output);
        Assert.Contains("\"passed\": false", File.ReadAllText(project.IntermediateFile("mlbuild-report.json")));
    }

    [Fact]
    public void A_run_that_is_not_for_a_pull_request_posts_nothing_and_saves_the_report_where_asked()
    {
        var project = IrisProject();
        var run = new ActionsRun(_github, project, Token);

        var evaluation = project.Evaluate(run.Environment(eventName: "push"), "-p:MlBuildReportDirectory=saved-report");

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Empty(_github.Requests);
        Assert.Contains("not for a pull request", evaluation.Output);
        Assert.Contains("MacroAccuracy", File.ReadAllText(project.PathOf("saved-report/report.md")));
        Assert.Contains($"\"reportId\": \"{ReportId}\"", File.ReadAllText(project.PathOf("saved-report/mlbuild-report.json")));
    }
}
