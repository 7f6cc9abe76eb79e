using System.Globalization;

namespace MlBuild.GitHub.Api;

/// <summary>
/// Whether a failed request is retried, and after how long.
/// </summary>
/// <param name="Cause">Why the failure is transient ("GitHub answered 502", "secondary rate limit"); null when it
/// is not, and retrying would get the same answer.</param>
/// <param name="Wait">How long GitHub asks to wait, before <see cref="RetryOptions.WaitScale"/>.</param>
/// <param name="GiveUp">Why a transient failure is not retried (attempts or time budget spent); null to retry.</param>
internal sealed record RetryDecision(string? Cause, TimeSpan Wait, string? GiveUp)
{
    public static RetryDecision Permanent { get; } = new(null, TimeSpan.Zero, null);

    public bool Retry => Cause is not null && GiveUp is null;
}

/// <summary>
/// GitHub's rules for retrying (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api and
/// "troubleshooting the REST API"), as a pure function of one answer so that each rule is unit tested:
/// <list type="bullet">
/// <item>a <c>Retry-After</c> header is obeyed first, whatever the status;</item>
/// <item>a primary rate limit (403 or 429 with <c>x-ratelimit-remaining: 0</c>) waits until
/// <c>x-ratelimit-reset</c>;</item>
/// <item>a secondary rate limit (403 or 429 saying so, or a 403 with <c>Retry-After</c>) waits at least a minute,
/// longer on each repeat;</item>
/// <item>other 429s, 500, 502, 503 and 504 back off exponentially with jitter (1 s, 2 s, 4 s…), so that two jobs
/// that failed together do not retry together.</item>
/// </list>
/// All within <see cref="RetryOptions.MaxAttempts"/> and <see cref="RetryOptions.MaxTotalWait"/>: a build must not
/// hang for an hour on a rate limit, it had better fall back to the step summary.
/// </summary>
internal sealed class RetryPolicy(RetryOptions options, Func<double>? random = null)
{
    static readonly TimeSpan SecondaryRateLimitWait = TimeSpan.FromMinutes(1);

    readonly Func<double> random = random ?? Random.Shared.NextDouble;

    /// <param name="status">The HTTP status of the answer.</param>
    /// <param name="headers">Its headers (names in any case).</param>
    /// <param name="body">Its body, where GitHub says which rate limit was hit.</param>
    /// <param name="attempt">The attempt that got this answer, from 1.</param>
    /// <param name="waited">The waits already made for this request, unscaled.</param>
    /// <param name="now">The current time, for <c>x-ratelimit-reset</c> and a <c>Retry-After</c> date.</param>
    public RetryDecision Decide(int status, IReadOnlyDictionary<string, string> headers, string? body, int attempt, TimeSpan waited, DateTimeOffset now)
    {
        var retryAfter = RetryAfter(Header(headers, "Retry-After"), now);
        var (cause, wait) = status switch
        {
            403 or 429 when Header(headers, "x-ratelimit-remaining") == "0" =>
                ($"GitHub's rate limit is exhausted ({status})", retryAfter ?? UntilReset(Header(headers, "x-ratelimit-reset"), now) ?? SecondaryRateLimitWait),
            403 or 429 when body?.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) == true =>
                ($"GitHub's secondary rate limit was hit ({status})", retryAfter ?? SecondaryRateLimitWait * Math.Pow(2, attempt - 1)),
            429 => ("GitHub answered 429", retryAfter ?? Backoff(attempt)),
            // GitHub documents a 403 with Retry-After as a secondary rate limit whatever its message says.
            403 when retryAfter is not null => ("GitHub's secondary rate limit was hit (403)", retryAfter.Value),
            500 or 502 or 503 or 504 => ($"GitHub answered {status}", retryAfter ?? Backoff(attempt)),
            _ => ((string?)null, TimeSpan.Zero),
        };
        return cause is null ? RetryDecision.Permanent : Within(cause, wait, attempt, waited);
    }

    /// <summary>A connection that failed or was reset before an answer came: retried like a 502.</summary>
    public RetryDecision DecideAfterNetworkError(int attempt, TimeSpan waited) =>
        Within("No answer from GitHub", Backoff(attempt), attempt, waited);

    RetryDecision Within(string cause, TimeSpan wait, int attempt, TimeSpan waited)
    {
        if (attempt >= options.MaxAttempts)
            return new(cause, wait, $"{attempt} attempts were made");
        if (waited + wait > options.MaxTotalWait)
            return new(cause, wait, $"waiting {Describe(wait)} would exceed the {Describe(options.MaxTotalWait)} allowed");
        return new(cause, wait, null);
    }

    TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1) * (1 + 0.25 * random()));

    static TimeSpan? RetryAfter(string? value, DateTimeOffset now)
    {
        if (value is null)
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Max(date - now, TimeSpan.Zero)
            : null;
    }

    // The reset is a second in epoch time; "until after" it, as GitHub words it, so one second more.
    static TimeSpan? UntilReset(string? value, DateTimeOffset now) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? Max(DateTimeOffset.FromUnixTimeSeconds(epoch) - now, TimeSpan.Zero) + TimeSpan.FromSeconds(1)
            : null;

    static string? Header(IReadOnlyDictionary<string, string> headers, string name)
    {
        foreach (var (key, value) in headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value.Trim();
        return null;
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>"1.3 s", "45 s", "2 min", "1 h 5 min": for log lines.</summary>
    internal static string Describe(TimeSpan wait) => wait.TotalSeconds switch
    {
        < 10 => wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 120 => Math.Round(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s",
        < 3600 => Math.Round(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min",
        _ => $"{(int)wait.TotalHours} h {wait.Minutes} min",
    };
}
