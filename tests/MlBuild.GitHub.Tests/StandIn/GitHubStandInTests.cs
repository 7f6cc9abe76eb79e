using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MlBuild.GitHub.Api;
using MlBuild.StandIn;
using MlBuild.StandIn.Faults;
using Octokit;

namespace MlBuild.GitHub.Tests.StandIn;

/// <summary>The stand-in answers as GitHub does: what Octokit reads, and the headers, pages and errors of the real API.</summary>
public sealed class GitHubStandInTests
{
    const string Token = "ghp_standin_token_0123456789";

    static async Task<GitHubStandIn> StartAsync()
    {
        var github = await GitHubStandIn.StartAsync();
        github.AddUserToken(Token, "alice");
        return github;
    }

    static HttpClient Http(GitHubStandIn github, string? token = Token)
    {
        var http = new HttpClient { BaseAddress = new Uri(github.ApiUrl) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("MlBuild.Tests");
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        return http;
    }

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Octokit_reads_a_pull_request_from_a_fork()
    {
        await using var github = await StartAsync();
        github.SeedPullRequest("octo/app", 31, headSha: new string('3', 40), baseSha: new string('4', 40), headRepository: "mallory/app");
        var client = GitHubClientFactory.Create(github.ApiUrl, Token);

        var pull = await client.PullRequest.Get("octo", "app", 31);

        Assert.Equal(31, pull.Number);
        Assert.Equal(new string('3', 40), pull.Head.Sha);
        Assert.Equal("mallory/app", pull.Head.Repository.FullName);
        Assert.Equal("main", pull.Base.Ref);
        Assert.Equal(new string('4', 40), pull.Base.Sha);
    }

    [Fact]
    public async Task Octokit_reads_a_file_at_a_branch_and_at_an_older_commit()
    {
        await using var github = await StartAsync();
        var first = github.SeedFile("octo/app", "samples/Iris/mlbuild.lock.json", "{ \"v\": 1 }\n");
        github.SeedFile("octo/app", "README.md", "# App\n");
        github.SeedFile("octo/app", "samples/Iris/mlbuild.lock.json", "{ \"v\": 2 }\n");
        var client = GitHubClientFactory.Create(github.ApiUrl, Token);

        var atMain = Assert.Single(await client.Repository.Content.GetAllContentsByRef("octo", "app", "samples/Iris/mlbuild.lock.json", "main"));
        var atFirst = Assert.Single(await client.Repository.Content.GetAllContentsByRef("octo", "app", "samples/Iris/mlbuild.lock.json", first.Sha));

        Assert.Equal("{ \"v\": 2 }\n", atMain.Content);
        Assert.Equal(ContentType.File, atMain.Type.Value);
        Assert.Equal("{ \"v\": 1 }\n", atFirst.Content);
        await Assert.ThrowsAsync<NotFoundException>(() => client.Repository.Content.GetAllContentsByRef("octo", "app", "missing.json", "main"));
    }

    [Fact]
    public async Task Octokit_lists_the_commits_that_changed_a_path_newest_first_through_every_page()
    {
        await using var github = await StartAsync();
        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 5; i++)
            github.SeedCommit("octo/app", "main", $"Train {i}", new Dictionary<string, string>
            {
                [i % 2 == 1 ? "mlbuild.lock.json" : "src/Other.cs"] = $"version {i}",
            }, start.AddDays(i));
        var client = GitHubClientFactory.Create(github.ApiUrl, Token);

        var commits = await client.Repository.Commit.GetAll("octo", "app", new CommitRequest { Sha = "main", Path = "mlbuild.lock.json" },
            new ApiOptions { PageSize = 2 });

        Assert.Equal(["Train 5", "Train 3", "Train 1"], commits.Select(c => c.Commit.Message));
        Assert.Equal(start.AddDays(5), commits[0].Commit.Committer.Date);
        Assert.Contains(github.Requests, r => r.Path.StartsWith("/repositories/", StringComparison.Ordinal) && r.Query.Contains("page=2"));
    }

    [Fact]
    public async Task Comments_are_paged_with_githubs_link_header()
    {
        await using var github = await StartAsync();
        for (var i = 0; i < 250; i++)
            github.SeedComment("octo/app", 7, "bob", $"Comment {i}");
        using var http = Http(github);

        var response = await http.GetAsync("repos/octo/app/issues/7/comments?per_page=100&page=2");

        var root = github.ApiUrl.TrimEnd('/');
        var list = $"{root}/repositories/700000000/issues/7/comments?per_page=100";
        Assert.Equal(
            $"<{list}&page=1>; rel=\"prev\", <{list}&page=3>; rel=\"next\", <{list}&page=3>; rel=\"last\", <{list}&page=1>; rel=\"first\"",
            string.Join(",", response.Headers.GetValues("Link")));
        var page = await JsonAsync(response);
        Assert.Equal(100, page.GetArrayLength());
        Assert.Equal("Comment 100", page[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_single_page_has_no_link_header()
    {
        await using var github = await StartAsync();
        github.SeedComment("octo/app", 7, "bob", "Only one");
        using var http = Http(github);

        var response = await http.GetAsync("repos/octo/app/issues/7/comments");

        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Every_answer_carries_githubs_headers()
    {
        await using var github = await StartAsync();
        using var http = Http(github);

        var response = await http.GetAsync("user");

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("5000", Assert.Single(response.Headers.GetValues("x-ratelimit-limit")));
        Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("x-ratelimit-remaining"))) < 5000);
        Assert.True(long.Parse(Assert.Single(response.Headers.GetValues("x-ratelimit-reset"))) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("core", Assert.Single(response.Headers.GetValues("x-ratelimit-resource")));
        Assert.Matches("^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}$", Assert.Single(response.Headers.GetValues("x-github-request-id")));
        Assert.Equal("alice", (await JsonAsync(response)).GetProperty("login").GetString());
    }

    [Fact]
    public async Task A_comment_has_githubs_shape()
    {
        await using var github = await StartAsync();
        var seeded = github.SeedComment("octo/app", 7, "github-actions[bot]", "report", new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
        using var http = Http(github);

        var comment = await JsonAsync(await http.GetAsync($"repos/octo/app/issues/comments/{seeded.Id}"));

        Assert.True(seeded.Id > int.MaxValue);
        Assert.Equal(seeded.Id, comment.GetProperty("id").GetInt64());
        Assert.StartsWith("IC_", comment.GetProperty("node_id").GetString());
        Assert.Equal($"{github.ApiUrl}repos/octo/app/issues/comments/{seeded.Id}", comment.GetProperty("url").GetString());
        Assert.Equal($"{github.ServerUrl}/octo/app/pull/7#issuecomment-{seeded.Id}", comment.GetProperty("html_url").GetString());
        Assert.Equal("2025-03-03T09:00:00Z", comment.GetProperty("created_at").GetString());
        Assert.Equal("2025-03-03T09:00:00Z", comment.GetProperty("updated_at").GetString());
        Assert.Equal("NONE", comment.GetProperty("author_association").GetString());
        var user = comment.GetProperty("user");
        Assert.Equal("github-actions[bot]", user.GetProperty("login").GetString());
        Assert.Equal(41898282, user.GetProperty("id").GetInt64());
        Assert.Equal("Bot", user.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Requests_without_a_known_token_are_refused_as_github_does()
    {
        await using var github = await StartAsync();
        using var anonymous = Http(github, token: null);
        using var wrong = Http(github, token: "ghp_wrong");

        var missing = await anonymous.GetAsync("repos/octo/app/issues/7/comments");
        var bad = await wrong.GetAsync("repos/octo/app/issues/7/comments");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Requires authentication", (await JsonAsync(missing)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        var body = await JsonAsync(bad);
        Assert.Equal("Bad credentials", body.GetProperty("message").GetString());
        Assert.Equal("401", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bearer_is_accepted_like_token()
    {
        await using var github = await StartAsync();
        using var http = Http(github, token: null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("user")).StatusCode);
    }

    [Fact]
    public async Task An_installation_token_cannot_read_user_and_a_read_only_one_cannot_write()
    {
        await using var github = await StartAsync();
        github.AddInstallationToken("ghs_fork", readOnly: true);
        using var http = Http(github, "ghs_fork");

        var user = await http.GetAsync("user");
        var post = await http.PostAsync("repos/octo/app/issues/7/comments", new StringContent("""{"body":"hi"}"""));
        var list = await http.GetAsync("repos/octo/app/issues/7/comments");

        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.Equal("Resource not accessible by integration", (await JsonAsync(user)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("https://docs.github.com/rest/issues/comments#create-an-issue-comment",
            (await JsonAsync(post)).GetProperty("documentation_url").GetString());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(github.Comments("octo/app", 7));
    }

    [Fact]
    public async Task A_json_body_sent_as_form_urlencoded_is_read_as_json()
    {
        await using var github = await StartAsync();
        using var http = Http(github);

        var response = await http.PostAsync("repos/octo/app/issues/7/comments",
            new StringContent("""{"body":"a comment"}""", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var comment = Assert.Single(github.Comments("octo/app", 7));
        Assert.Equal("a comment", comment.Body);
        Assert.Equal("alice", comment.Login);
        Assert.EndsWith($"/repos/octo/app/issues/comments/{comment.Id}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_body_over_githubs_limit_is_refused()
    {
        await using var github = await StartAsync();
        using var http = Http(github);

        var response = await http.PostAsync("repos/octo/app/issues/7/comments",
            new StringContent(JsonSerializer.Serialize(new { body = new string('a', 65_537) })));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("body is too long (maximum is 65536 characters)",
            (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Comments_are_updated_and_deleted_and_unknown_ones_are_not_found()
    {
        await using var github = await StartAsync();
        var seeded = github.SeedComment("octo/app", 7, "alice", "old");
        using var http = Http(github);

        var patch = await http.PatchAsync($"repos/octo/app/issues/comments/{seeded.Id}", new StringContent("""{"body":"new"}"""));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("new", Assert.Single(github.Comments("octo/app", 7)).Body);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"repos/octo/app/issues/comments/{seeded.Id}")).StatusCode);
        Assert.Empty(github.Comments("octo/app", 7));
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"repos/octo/app/issues/comments/{seeded.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("repos/octo/app/nothing/here")).StatusCode);
    }

    [Fact]
    public async Task A_scripted_response_is_given_once_to_the_request_it_matches()
    {
        await using var github = await StartAsync();
        github.Enqueue("POST", "/repos/*/*/issues/*/comments", ScriptedResponse.SecondaryRateLimit(retryAfterSeconds: 60));
        using var http = Http(github);

        var get = await http.GetAsync("repos/octo/app/issues/7/comments");
        var first = await http.PostAsync("repos/octo/app/issues/7/comments", new StringContent("""{"body":"x"}"""));
        var second = await http.PostAsync("repos/octo/app/issues/7/comments", new StringContent("""{"body":"x"}"""));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal("60", first.Headers.RetryAfter!.ToString());
        Assert.Contains("secondary rate limit", (await JsonAsync(first)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(0, github.PendingFaults);
        Assert.Equal([200, 403, 201], github.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_primary_rate_limit_carries_remaining_zero_and_its_reset()
    {
        await using var github = await StartAsync();
        var reset = DateTimeOffset.UtcNow.AddMinutes(10);
        github.Enqueue("*", "/**", ScriptedResponse.PrimaryRateLimit(reset));
        using var http = Http(github);

        var response = await http.GetAsync("user");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("x-ratelimit-remaining")));
        Assert.Equal(reset.ToUnixTimeSeconds().ToString(), Assert.Single(response.Headers.GetValues("x-ratelimit-reset")));
    }

    [Fact]
    public async Task Concurrent_requests_each_create_their_own_comment()
    {
        await using var github = await StartAsync();
        using var http = Http(github);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            http.PostAsync("repos/octo/app/issues/7/comments", new StringContent($$"""{"body":"comment {{i}}"}"""))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var comments = github.Comments("octo/app", 7);
        Assert.Equal(20, comments.Select(c => c.Id).Distinct().Count());
        Assert.Equal(20, github.Requests.Count);
    }

    [Fact]
    public async Task Octokit_authenticates_with_the_token_scheme()
    {
        await using var github = await StartAsync();

        await GitHubClientFactory.Create(github.ApiUrl, Token).User.Current();

        var request = Assert.Single(github.Requests);
        Assert.Equal("token", request.AuthorizationScheme, ignoreCase: true);
        Assert.Equal(200, request.Status);
    }
}
