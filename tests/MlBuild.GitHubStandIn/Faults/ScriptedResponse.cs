using System.Globalization;
using System.Text.Json;

namespace MlBuild.StandIn.Faults;

/// <summary>
/// An answer the stand-in gives once instead of the real one, with the status, headers and body GitHub sends in that
/// case. The usual headers (rate limit, request id) are added unless the scripted response sets them itself.
/// </summary>
public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    const string RateLimitDocs = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

    /// <summary>The content type of the body.</summary>
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>A 5xx with GitHub's body for it: 500 and 502 "Server Error", 503 "No server is currently available…",
    /// 504 "We couldn't respond to your request in time…".</summary>
    public static ScriptedResponse ServerError(int status = 502) => Json(status, new
    {
        message = status switch
        {
            503 => "No server is currently available to service your request. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
            504 => "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
            _ => "Server Error",
        },
    });

    /// <summary>GitHub's edge answering 502 with an HTML page, as it does when no API server answered.</summary>
    public static ScriptedResponse BadGatewayPage() =>
        new(502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n", new Dictionary<string, string>())
        {
            ContentType = "text/html",
        };

    /// <summary>A 429 with <c>Retry-After</c>.</summary>
    public static ScriptedResponse TooManyRequests(int retryAfterSeconds) =>
        Json(429, new { message = "Too Many Requests", documentation_url = RateLimitDocs, status = "429" },
            ("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture)));

    /// <summary>GitHub's secondary rate limit (403, or 429), with <c>Retry-After</c> when given.</summary>
    public static ScriptedResponse SecondaryRateLimit(int? retryAfterSeconds = 60, int status = 403)
    {
        var body = new
        {
            message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID C0DE:3F4B:1D2E3A4:1E2F3A4:65F1B2C3.",
            documentation_url = RateLimitDocs + "#about-secondary-rate-limits",
            status = status.ToString(CultureInfo.InvariantCulture),
        };
        return retryAfterSeconds is { } seconds
            ? Json(status, body, ("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)))
            : Json(status, body);
    }

    /// <summary>GitHub's primary rate limit: <c>x-ratelimit-remaining: 0</c> until <paramref name="reset"/>.</summary>
    public static ScriptedResponse PrimaryRateLimit(DateTimeOffset reset, int status = 403) =>
        Json(status,
            new
            {
                message = "API rate limit exceeded for installation ID 41898282.",
                documentation_url = RateLimitDocs + "#about-primary-rate-limits",
                status = status.ToString(CultureInfo.InvariantCulture),
            },
            ("x-ratelimit-limit", "5000"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-used", "5000"),
            ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>Any status with a JSON body (serialized as given) and extra headers.</summary>
    public static ScriptedResponse Json(int status, object body, params (string Name, string Value)[] headers) =>
        new(status, JsonSerializer.Serialize(body), headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));
}
