using MlBuild.GitHub.Comments;
using MlBuild.GitHub.Publishing;
using MlBuild.GitHub.Tests.Support;
using MlBuild.StandIn;

namespace MlBuild.GitHub.Tests.Publishing;

/// <summary>One comment per report, kept up to date, through the real Octokit client and the GitHub stand-in.</summary>
public sealed class CommentSyncTests
{
    const string Repository = TestPublish.Repository;
    const int Number = TestPublish.Number;
    static readonly string Marker = ReportMarker.For(TestPublish.ReportId);
    static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_first_publish_creates_one_comment_that_starts_with_the_marker()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;

        var result = await publish.RunAsync("## MlBuild: all gates pass");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        var comment = Assert.Single(github.Comments(Repository, Number));
        Assert.Equal(GitHubStandIn.ActionsBot, comment.Login);
        Assert.Equal(Marker + "\n## MlBuild: all gates pass", comment.Body);
        Assert.Equal(comment.Id, result.CommentId);
        Assert.Equal($"{github.ServerUrl}/{Repository}/pull/{Number}#issuecomment-{comment.Id}", result.CommentUrl);
        Assert.Contains(result.CommentUrl!, result.Message);
    }

    [Fact]
    public async Task A_second_publish_with_a_changed_report_updates_the_same_comment()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;

        var first = await publish.RunAsync("Accuracy 0.91");
        var second = await publish.RunAsync("Accuracy 0.93");

        Assert.Equal(PublishOutcome.Updated, second.Outcome);
        var comment = Assert.Single(github.Comments(Repository, Number));
        Assert.Equal(first.CommentId, comment.Id);
        Assert.Equal(Marker + "\nAccuracy 0.93", comment.Body);
        Assert.Single(github.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_unchanged_report_is_not_written_again()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        await publish.RunAsync("Accuracy 0.91");
        github.ClearRequests();

        var result = await publish.RunAsync("Accuracy 0.91");

        Assert.Equal(PublishOutcome.Unchanged, result.Outcome);
        Assert.All(github.Requests, r => Assert.Equal("GET", r.Method));
        Assert.NotEmpty(github.Requests);
    }

    [Fact]
    public async Task A_comment_stored_with_crlf_and_trailing_spaces_counts_as_unchanged()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\r\n| a | b |  \r\n|---|---|\r\n");

        var result = await publish.RunAsync("| a | b |\n|---|---|");

        Assert.Equal(PublishOutcome.Unchanged, result.Outcome);
        Assert.DoesNotContain(github.Requests, r => r.Method is "PATCH" or "POST");
    }

    [Fact]
    public async Task It_finds_its_comment_among_forty_from_others_and_ignores_another_users_comment_with_the_marker()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        for (var i = 0; i < 20; i++)
            github.SeedComment(Repository, Number, $"reviewer{i % 4}", $"Comment {i}", Monday.AddMinutes(i));
        // Someone quoting our marker: neither ours to update nor ours to delete.
        var quote = github.SeedComment(Repository, Number, "mallory", Marker + "\nfake report", Monday.AddMinutes(20));
        var ours = github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nold report", Monday.AddMinutes(21));
        for (var i = 22; i < 42; i++)
            github.SeedComment(Repository, Number, $"reviewer{i % 4}", $"Comment {i}", Monday.AddMinutes(i));

        var result = await publish.RunAsync("new report");

        Assert.Equal(PublishOutcome.Updated, result.Outcome);
        Assert.Equal(ours.Id, result.CommentId);
        var comments = github.Comments(Repository, Number);
        Assert.Equal(42, comments.Count);
        Assert.Equal(Marker + "\nnew report", comments.Single(c => c.Id == ours.Id).Body);
        Assert.Equal(quote.Body, comments.Single(c => c.Id == quote.Id).Body);
        Assert.DoesNotContain(github.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task It_reads_every_page_and_finds_its_comment_on_the_third()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        for (var i = 0; i < 250; i++)
            github.SeedComment(Repository, Number, "reviewer", $"Comment {i}", Monday.AddMinutes(i));
        var ours = github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nold report", Monday.AddMinutes(250));

        var result = await publish.RunAsync("new report");

        Assert.Equal(PublishOutcome.Updated, result.Outcome);
        Assert.Equal(ours.Id, result.CommentId);
        Assert.Equal(251, github.Comments(Repository, Number).Count);
        var pages = github.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/comments", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Contains("per_page=100", page.Query));
        // Pages 2 and 3 came from the Link headers, which point at /repositories/{id}/… as GitHub's do.
        Assert.All(pages.Skip(1), page => Assert.StartsWith("/repositories/", page.Path));
    }

    [Fact]
    public async Task A_duplicate_from_a_concurrent_run_is_deleted_and_the_oldest_comment_kept()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        var oldest = github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nrun 1", Monday);
        github.SeedComment(Repository, Number, "reviewer", "LGTM", Monday.AddMinutes(1));
        var duplicate = github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nrun 2", Monday.AddMinutes(2));

        var result = await publish.RunAsync("run 3");

        Assert.Equal(PublishOutcome.Updated, result.Outcome);
        Assert.Equal(1, result.DuplicatesRemoved);
        Assert.Equal(oldest.Id, result.CommentId);
        var comments = github.Comments(Repository, Number);
        Assert.Equal(2, comments.Count);
        Assert.Equal(Marker + "\nrun 3", comments.Single(c => c.Id == oldest.Id).Body);
        Assert.DoesNotContain(comments, c => c.Id == duplicate.Id);
    }

    [Fact]
    public async Task A_duplicate_is_removed_even_when_the_report_is_unchanged()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        var oldest = github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nsame", Monday);
        github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nsame", Monday.AddSeconds(1));

        var result = await publish.RunAsync("same");

        Assert.Equal(PublishOutcome.Unchanged, result.Outcome);
        Assert.Equal(1, result.DuplicatesRemoved);
        Assert.Equal(oldest.Id, Assert.Single(github.Comments(Repository, Number)).Id);
    }

    [Fact]
    public async Task Two_report_ids_keep_two_comments()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;

        await publish.RunAsync("Iris report", reportId: "samples/Iris");
        await publish.RunAsync("Taxi report", reportId: "samples/TaxiFare");
        await publish.RunAsync("Iris report, again", reportId: "samples/Iris");

        var comments = github.Comments(Repository, Number);
        Assert.Equal(2, comments.Count);
        Assert.Equal(ReportMarker.For("samples/Iris") + "\nIris report, again", comments[0].Body);
        Assert.Equal(ReportMarker.For("samples/TaxiFare") + "\nTaxi report", comments[1].Body);
    }

    [Fact]
    public async Task A_user_token_finds_the_comments_of_its_own_login()
    {
        await using var github = await GitHubStandIn.StartAsync();
        github.AddUserToken("ghp_alice_token_0123456789", "alice");
        // A report comment by the Actions bot is someone else's to this token.
        github.SeedComment(Repository, Number, GitHubStandIn.ActionsBot, Marker + "\nbot's report", Monday);
        var publish = new TestPublish(github.ApiUrl, "ghp_alice_token_0123456789");

        var first = await publish.RunAsync("alice's report");
        var second = await publish.RunAsync("alice's report, updated");

        Assert.Equal(PublishOutcome.Created, first.Outcome);
        Assert.Equal(PublishOutcome.Updated, second.Outcome);
        Assert.Equal(first.CommentId, second.CommentId);
        Assert.Equal("alice", github.Comments(Repository, Number).Single(c => c.Id == first.CommentId).Login);
        Assert.Equal(2, github.Comments(Repository, Number).Count);
    }

    [Fact]
    public async Task An_explicit_author_finds_the_comments_of_another_apps_installation_token()
    {
        await using var github = await GitHubStandIn.StartAsync();
        github.AddInstallationToken("ghs_app_token_0123456789", login: "mlbuild-app[bot]");
        var ours = github.SeedComment(Repository, Number, "mlbuild-app[bot]", Marker + "\nold", Monday);
        var publish = new TestPublish(github.ApiUrl, "ghs_app_token_0123456789") { Author = "mlbuild-app[bot]" };

        var result = await publish.RunAsync("new");

        Assert.Equal(PublishOutcome.Updated, result.Outcome);
        Assert.Equal(ours.Id, result.CommentId);
        Assert.DoesNotContain(github.Requests, r => r.Path == "/user");
    }

    [Fact]
    public async Task The_api_address_is_kept_as_given_with_its_path()
    {
        await using var github = await GitHubStandIn.StartAsync(pathBase: "/api/v3");
        github.AddInstallationToken("ghs_enterprise_token_0123");
        // As GITHUB_API_URL is set on GitHub Enterprise: no trailing slash.
        var publish = new TestPublish(github.ApiUrl.TrimEnd('/'), "ghs_enterprise_token_0123");

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        Assert.All(github.Requests, r => Assert.StartsWith("/api/v3/", r.Path));
    }

    [Fact]
    public async Task Octokit_sends_the_token_with_its_body_as_json_and_the_stand_in_reads_it()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;

        await publish.RunAsync("report");

        var post = Assert.Single(github.Requests, r => r.Method == "POST");
        Assert.StartsWith("{", post.Body);
        Assert.NotNull(post.AuthorizationScheme);
        Assert.Equal(201, post.Status);
    }
}
