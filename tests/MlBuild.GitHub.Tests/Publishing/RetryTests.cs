using System.Net;
using System.Net.Sockets;
using MlBuild.GitHub.Publishing;
using MlBuild.GitHub.Tests.Support;
using MlBuild.StandIn;
using MlBuild.StandIn.Faults;
using MlBuild.StandIn.Http;

namespace MlBuild.GitHub.Tests.Publishing;

/// <summary>
/// GitHub's transient failures, scripted in the stand-in, retried through the real Octokit client with waits scaled by
/// <see cref="TestPublish.WaitScale"/>. Gaps are measured between the arrivals the stand-in logged and checked only as
/// lower bounds: a busy machine may wait longer, never shorter.
/// </summary>
public sealed class RetryTests
{
    const string Comments = "/repos/octo/app/issues/7/comments";

    [Fact]
    public async Task A_502_is_retried_and_the_comment_created()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("POST", Comments, ScriptedResponse.ServerError(502));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        Assert.Single(github.Comments("octo/app", 7));
        Assert.Equal([502, 201], Posts(github).Select(r => r.Status));
        Assert.Contains(publish.Log, line => line.StartsWith("GitHub answered 502 to POST /repos/octo/app/issues/7/comments; retrying in ", StringComparison.Ordinal)
            && line.EndsWith("(attempt 2 of 5).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_502_page_of_html_from_the_edge_is_retried_too()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("GET", Comments, ScriptedResponse.BadGatewayPage());
        github.Enqueue("GET", Comments, ScriptedResponse.ServerError(503));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        Assert.Equal([502, 503, 200], github.Requests.Where(r => r.Method == "GET" && r.Path == Comments).Select(r => r.Status));
    }

    [Fact]
    public async Task A_429_waits_as_long_as_its_retry_after_says()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("POST", Comments, ScriptedResponse.TooManyRequests(retryAfterSeconds: 30));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        AssertGapAtLeast(Posts(github), TimeSpan.FromSeconds(30 * TestPublish.WaitScale));
        Assert.Contains(publish.Log, line => line.Contains("GitHub answered 429", StringComparison.Ordinal) && line.Contains("retrying in 30 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_as_told()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("PATCH", "/repos/octo/app/issues/comments/*", ScriptedResponse.SecondaryRateLimit(retryAfterSeconds: 60));
        await publish.RunAsync("first");

        var result = await publish.RunAsync("second");

        Assert.Equal(PublishOutcome.Updated, result.Outcome);
        var patches = github.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal([403, 200], patches.Select(r => r.Status));
        AssertGapAtLeast(patches, TimeSpan.FromSeconds(60 * TestPublish.WaitScale));
        Assert.Contains(publish.Log, line => line.Contains("secondary rate limit", StringComparison.Ordinal) && line.Contains("retrying in 60 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_retry_after_waits_a_minute()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("POST", Comments, ScriptedResponse.SecondaryRateLimit(retryAfterSeconds: null, status: 429));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        AssertGapAtLeast(Posts(github), TimeSpan.FromSeconds(60 * TestPublish.WaitScale));
    }

    [Fact]
    public async Task A_primary_rate_limit_waits_until_its_reset()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        var reset = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddSeconds(40).ToUnixTimeSeconds());
        github.Enqueue("GET", Comments, ScriptedResponse.PrimaryRateLimit(reset));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        var lists = github.Requests.Where(r => r.Method == "GET" && r.Path == Comments).ToList();
        Assert.Equal([403, 200], lists.Select(r => r.Status));
        // The client read the answer after the stand-in received the request, so it had at least this long to wait.
        AssertGapAtLeast(lists, (reset - lists[0].ReceivedAt) * TestPublish.WaitScale);
    }

    [Fact]
    public async Task A_rate_limit_beyond_the_time_budget_gives_up_without_waiting_and_without_an_exception()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        github.Enqueue("GET", Comments, ScriptedResponse.PrimaryRateLimit(DateTimeOffset.UtcNow.AddMinutes(45)));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.RateLimited, result.Outcome);
        Assert.Equal(403, result.StatusCode);
        Assert.Contains("resets at", result.Message);
        Assert.Single(github.Requests, r => r.Path == Comments);
        Assert.DoesNotContain(github.Requests, r => r.Method == "POST");
        Assert.Contains(publish.Log, line => line.Contains("; not retrying: waiting 4", StringComparison.Ordinal)
            && line.EndsWith(" min would exceed the 2 min allowed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_secondary_rate_limits_end_as_rate_limited_once_the_budget_is_spent()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        for (var i = 0; i < 3; i++)
            github.Enqueue("POST", Comments, ScriptedResponse.SecondaryRateLimit(retryAfterSeconds: 50));

        var result = await publish.RunAsync("report");

        // 50 s + 50 s fit in two minutes; a third 50 s does not.
        Assert.Equal(PublishOutcome.RateLimited, result.Outcome);
        Assert.Equal(3, Posts(github).Count);
        Assert.Empty(github.Comments("octo/app", 7));
    }

    [Fact]
    public async Task A_server_error_on_every_attempt_ends_as_failed_after_five_attempts()
    {
        var (github, publish) = await TestPublish.WithActionsTokenAsync();
        await using var _ = github;
        for (var i = 0; i < 6; i++)
            github.Enqueue("POST", Comments, ScriptedResponse.ServerError(500));

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Contains("GitHub answered 500", result.Message);
        Assert.Equal(5, Posts(github).Count);
        Assert.Equal(1, github.PendingFaults);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_ends_as_failed()
    {
        // A port bound but not listening refuses connections, and no other test can be given it meanwhile.
        using var reserved = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        reserved.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var publish = new TestPublish($"http://127.0.0.1:{((IPEndPoint)reserved.LocalEndPoint!).Port}/", "ghs_token_0123456789");

        var result = await publish.RunAsync("report");

        Assert.Equal(PublishOutcome.Failed, result.Outcome);
        Assert.Contains("could not be reached", result.Message);
        Assert.Contains(publish.Log, line => line.StartsWith("No answer from GitHub to GET /", StringComparison.Ordinal));
    }

    static List<LoggedRequest> Posts(GitHubStandIn github) => github.Requests.Where(r => r.Method == "POST").ToList();

    // Timers tick in milliseconds (15.6 ms on Windows) and may fire up to a tick early by the stopwatch.
    static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(16);

    static void AssertGapAtLeast(IReadOnlyList<LoggedRequest> requests, TimeSpan minimum)
    {
        Assert.True(requests.Count >= 2, $"Expected a retry, got {requests.Count} request(s).");
        var gap = requests[1].Elapsed - requests[0].Elapsed;
        Assert.True(gap >= minimum - TimerResolution, $"The retry came {gap.TotalMilliseconds:0} ms after the failure; GitHub asked for at least {minimum.TotalMilliseconds:0} ms.");
    }
}
