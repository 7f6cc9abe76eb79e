using MlBuild.GitHub.Publishing;
using MlBuild.GitHub.Tests.Support;
using MlBuild.StandIn;
using MlBuild.StandIn.Faults;

namespace MlBuild.GitHub.Tests.Publishing;

/// <summary>What a failed post becomes: an outcome and a message that says what to do, never an exception, never the
/// token.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task No_token_makes_no_request()
    {
        await using var github = await GitHubStandIn.StartAsync();
        var publish = new TestPublish(github.ApiUrl, token: null);

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.NoToken, result.Outcome);
        Assert.False(result.Posted);
        Assert.Contains("GITHUB_TOKEN", result.Message);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task A_forks_read_only_token_is_told_apart_and_says_what_to_do()
    {
        await using var github = await GitHubStandIn.StartAsync();
        github.AddInstallationToken("ghs_fork_token_0123456789", readOnly: true);
        var publish = new TestPublish(github.ApiUrl, "ghs_fork_token_0123456789");

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.ReadOnlyToken, result.Outcome);
        Assert.Equal(403, result.StatusCode);
        Assert.Contains("workflow_run", result.Message);
        Assert.Contains("pull-requests: write", result.Message);
        Assert.Empty(github.Comments(TestPublish.Repository, TestPublish.Number));
        // The refusal is final: not retried.
        Assert.Single(github.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_bad_token_is_bad_credentials()
    {
        await using var github = await GitHubStandIn.StartAsync();
        github.AddInstallationToken("ghs_the_real_token_0123");
        var publish = new TestPublish(github.ApiUrl, "ghs_expired_token_0123");

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.BadCredentials, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("Bad credentials", result.Message);
        Assert.DoesNotContain(github.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_missing_pull_request_is_not_found()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("GET", "/repos/octo/app/issues/7/comments",
            ScriptedResponse.Json(404, new { message = "Not Found", documentation_url = "https://docs.github.com/rest/issues/comments#list-issue-comments", status = "404" }));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.NotFound, result.Outcome);
        Assert.Contains("octo/app#7", result.Message);
    }

    [Fact]
    public async Task Another_refusal_is_failed_with_githubs_status_and_message()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("POST", "/repos/octo/app/issues/7/comments",
            ScriptedResponse.Json(422, new { message = "Validation Failed", documentation_url = "https://docs.github.com/rest/issues/comments#create-an-issue-comment", status = "422" }));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal(422, result.StatusCode);
        Assert.Contains("GitHub answered 422", result.Message);
        Assert.Contains("Validation Failed", result.Message);
    }

    [Theory]
    [InlineData("octo")]
    [InlineData("octo/app/extra")]
    [InlineData("/app")]
    public async Task A_repository_that_is_not_owner_slash_name_fails_without_a_request(string repository)
    {
        await using var github = await GitHubStandIn.StartAsync();

        var result = await ReportPublisher.PublishAsync(new PublishRequest
        {
            Body = "report", ReportId = "r", Repository = repository, PullRequestNumber = 1, Token = "ghs_x", ApiUrl = github.ApiUrl,
        });

        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Contains("owner/name", result.Message);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task A_report_over_githubs_limit_is_cut_with_a_note_and_accepted()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        var line = "| Iris | MacroAccuracy | 0.9333 | 0.9412 | +0.79 pp | ✅ |\n";
        var report = string.Concat(Enumerable.Repeat(line, 70_000 / line.Length + 1));
        Assert.True(report.Length > 70_000);

        var result = await publish.RunAsync(report);

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        Assert.True(result.Truncated);
        var body = Assert.Single(github.Comments(TestPublish.Repository, TestPublish.Number)).Body;
        Assert.True(body.Length <= ReportPublisher.MaxCommentLength, $"{body.Length} characters");
        Assert.Contains("this report was cut", body);
        Assert.Contains("https://github.com/octo/app/actions/runs/42", body);
    }

    [Fact]
    public async Task The_token_appears_in_no_log_line_and_no_message()
    {
        const string token = "ghs_SeCrEt_0123456789abcdef";
        var (github, publish) = await TestPublish.WithActionsTokenAsync(token);
        await using var _ = github;
        github.Enqueue("POST", "/repos/octo/app/issues/7/comments", ScriptedResponse.ServerError(502));
        github.Enqueue("PATCH", "/repos/octo/app/issues/comments/*", ScriptedResponse.SecondaryRateLimit(retryAfterSeconds: 1));
        // GitHub echoing the token back would be a bug of theirs; the line is scrubbed all the same.
        github.Enqueue("DELETE", "/repos/octo/app/issues/comments/*",
            ScriptedResponse.Json(400, new { message = $"Bad token {token}", documentation_url = "https://docs.github.com/rest", status = "400" }));

        var results = new List<PublishResult>
        {
            await publish.RunAsync("first"),
            await publish.RunAsync("second"),
        };
        github.SeedComment(TestPublish.Repository, TestPublish.Number, GitHubStandIn.ActionsBot,
            MlBuild.GitHub.Comments.ReportMarker.For(TestPublish.ReportId) + "\nduplicate");
        results.Add(await publish.RunAsync("third"));

        Assert.Equal([PublishOutcome.Created, PublishOutcome.Updated, PublishOutcome.Updated], results.Select(r => r.Outcome));
        Assert.Contains(publish.Log, line => line.Contains("Bad token ***", StringComparison.Ordinal));
        Assert.All(publish.Log, line => Assert.DoesNotContain(token, line));
        Assert.All(results, result => Assert.DoesNotContain(token, result.Message));
        Assert.All(results, result => Assert.DoesNotContain(token, result.ToString()));
    }
}
