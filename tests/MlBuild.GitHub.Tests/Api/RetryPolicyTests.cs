using MlBuild.GitHub.Api;

namespace MlBuild.GitHub.Tests.Api;

public sealed class RetryPolicyTests
{
    static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    static readonly RetryPolicy Policy = new(RetryOptions.Default, random: () => 0);
    const string SecondaryMessage = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","status":"403"}""";

    static RetryDecision Decide(int status, string? body = null, int attempt = 1, TimeSpan waited = default, params (string, string)[] headers) =>
        Policy.Decide(status, headers.ToDictionary(h => h.Item1, h => h.Item2), body, attempt, waited, Now);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Server_errors_back_off_from_one_second(int status)
    {
        var decision = Decide(status);

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(1), decision.Wait);
        Assert.Equal($"GitHub answered {status}", decision.Cause);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void The_backoff_doubles_with_each_attempt(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Decide(502, attempt: attempt).Wait);

    [Fact]
    public void Jitter_adds_up_to_a_quarter()
    {
        var policy = new RetryPolicy(RetryOptions.Default, random: () => 1);

        var decision = policy.Decide(502, new Dictionary<string, string>(), null, 3, TimeSpan.Zero, Now);

        Assert.Equal(TimeSpan.FromSeconds(5), decision.Wait);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(501)]
    public void Other_statuses_are_not_transient(int status)
    {
        var decision = Decide(status);

        Assert.False(decision.Retry);
        Assert.Null(decision.Cause);
    }

    [Fact]
    public void A_403_that_is_no_rate_limit_is_not_transient() =>
        Assert.Null(Decide(403, """{"message":"Resource not accessible by integration"}""", headers: ("x-ratelimit-remaining", "4999")).Cause);

    [Fact]
    public void Retry_after_in_seconds_is_obeyed_on_a_server_error() =>
        Assert.Equal(TimeSpan.FromSeconds(7), Decide(503, headers: ("Retry-After", "7")).Wait);

    [Fact]
    public void Retry_after_as_an_http_date_is_obeyed() =>
        Assert.Equal(TimeSpan.FromSeconds(20), Decide(429, headers: ("Retry-After", Now.AddSeconds(20).ToString("r"))).Wait);

    [Fact]
    public void A_retry_after_date_in_the_past_retries_at_once() =>
        Assert.Equal(TimeSpan.Zero, Decide(503, headers: ("Retry-After", Now.AddSeconds(-5).ToString("r"))).Wait);

    [Fact]
    public void A_429_without_retry_after_backs_off()
    {
        var decision = Decide(429, attempt: 2);

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(2), decision.Wait);
    }

    [Fact]
    public void A_429_with_retry_after_waits_that_long() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Decide(429, headers: ("Retry-After", "30")).Wait);

    [Fact]
    public void A_secondary_rate_limit_waits_as_long_as_retry_after_says()
    {
        var decision = Decide(403, SecondaryMessage, headers: ("Retry-After", "60"));

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(60), decision.Wait);
        Assert.Contains("secondary rate limit", decision.Cause);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public void A_secondary_rate_limit_without_retry_after_waits_a_minute(int status) =>
        Assert.Equal(TimeSpan.FromMinutes(1), Decide(status, SecondaryMessage).Wait);

    [Fact]
    public void A_repeated_secondary_rate_limit_waits_longer_each_time() =>
        Assert.Equal(TimeSpan.FromMinutes(2), Decide(403, SecondaryMessage, attempt: 2, waited: TimeSpan.Zero).Wait);

    [Fact]
    public void A_403_with_retry_after_is_a_secondary_rate_limit_whatever_it_says()
    {
        var decision = Decide(403, """{"message":"Please slow down"}""", headers: ("Retry-After", "15"));

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(15), decision.Wait);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public void A_primary_rate_limit_waits_until_a_second_after_its_reset(int status)
    {
        var decision = Decide(status, """{"message":"API rate limit exceeded for installation ID 1."}""",
            headers: [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Now.AddSeconds(30).ToUnixTimeSeconds().ToString())]);

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(31), decision.Wait);
        Assert.Contains("rate limit is exhausted", decision.Cause);
    }

    [Fact]
    public void A_primary_rate_limit_with_retry_after_obeys_retry_after() =>
        Assert.Equal(TimeSpan.FromSeconds(10), Decide(403, headers:
            [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Now.AddHours(1).ToUnixTimeSeconds().ToString()), ("retry-after", "10")]).Wait);

    [Fact]
    public void A_primary_rate_limit_that_resets_after_the_budget_is_not_waited_for()
    {
        var decision = Decide(403, headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Now.AddMinutes(45).ToUnixTimeSeconds().ToString())]);

        Assert.False(decision.Retry);
        Assert.NotNull(decision.Cause);
        Assert.Equal("waiting 45 min would exceed the 2 min allowed", decision.GiveUp);
    }

    [Fact]
    public void A_wait_that_would_go_past_the_budget_is_not_made()
    {
        var decision = Decide(502, attempt: 2, waited: TimeSpan.FromSeconds(119));

        Assert.False(decision.Retry);
        Assert.Equal("waiting 2 s would exceed the 2 min allowed", decision.GiveUp);
    }

    [Fact]
    public void A_wait_that_ends_exactly_at_the_budget_is_made() =>
        Assert.True(Decide(502, attempt: 2, waited: TimeSpan.FromSeconds(118)).Retry);

    [Fact]
    public void The_last_attempt_is_not_retried()
    {
        var decision = Decide(502, attempt: 5);

        Assert.False(decision.Retry);
        Assert.Equal("5 attempts were made", decision.GiveUp);
    }

    [Fact]
    public void The_budget_and_attempts_come_from_the_options()
    {
        var policy = new RetryPolicy(new RetryOptions { MaxAttempts = 2, MaxTotalWait = TimeSpan.FromSeconds(30) }, random: () => 0);
        var empty = new Dictionary<string, string>();

        Assert.True(policy.Decide(502, empty, null, 1, TimeSpan.Zero, Now).Retry);
        Assert.False(policy.Decide(502, empty, null, 2, TimeSpan.Zero, Now).Retry);
        Assert.False(policy.Decide(429, new Dictionary<string, string> { ["Retry-After"] = "31" }, null, 1, TimeSpan.Zero, Now).Retry);
    }

    [Fact]
    public void A_connection_that_failed_backs_off_like_a_server_error()
    {
        var decision = Policy.DecideAfterNetworkError(attempt: 2, waited: TimeSpan.FromSeconds(1));

        Assert.True(decision.Retry);
        Assert.Equal(TimeSpan.FromSeconds(2), decision.Wait);
    }

    [Theory]
    [InlineData(1.25, "1.3 s")]
    [InlineData(45, "45 s")]
    [InlineData(120, "2 min")]
    [InlineData(3900, "1 h 5 min")]
    public void Waits_are_described_for_people(double seconds, string text) =>
        Assert.Equal(text, RetryPolicy.Describe(TimeSpan.FromSeconds(seconds)));
}
