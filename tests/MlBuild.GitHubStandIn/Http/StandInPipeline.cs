using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using MlBuild.StandIn.Faults;
using MlBuild.StandIn.State;

namespace MlBuild.StandIn.Http;

/// <summary>
/// What every request goes through before its endpoint, in GitHub's order: the usual headers, a scripted fault if one
/// matches (an overloaded front end answers before authentication), then authentication. Logs every request with the
/// time it arrived.
/// </summary>
internal sealed class StandInPipeline(StandInState state, FaultQueue faults, RequestLog log)
{
    const string RestDocs = "https://docs.github.com/rest";
    const int RateLimit = 5000;

    readonly Stopwatch clock = Stopwatch.StartNew();
    int used;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var elapsed = clock.Elapsed;
        var receivedAt = DateTimeOffset.UtcNow;
        var request = context.Request;
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        context.SetBody(body);
        try
        {
            AddUsualHeaders(context.Response, receivedAt);
            if (faults.Take(request.Method, request.Path.Value ?? "/") is { } scripted)
                await WriteAsync(context.Response, scripted).ConfigureAwait(false);
            else if (Authenticate(request) is { } token)
            {
                context.SetToken(token);
                await next(context).ConfigureAwait(false);
            }
            else
            {
                var message = request.Headers.Authorization.Count == 0 ? "Requires authentication" : "Bad credentials";
                await GitHubResults.Error(401, message, RestDocs).ExecuteAsync(context).ConfigureAwait(false);
            }
        }
        finally
        {
            log.Add(new LoggedRequest(request.Method, request.PathBase + request.Path, request.QueryString.Value ?? "",
                receivedAt, elapsed, context.Response.StatusCode, body, request.ContentType, Scheme(request)));
        }
    }

    // GitHub accepts "token X" and "Bearer X" (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api).
    StandInToken? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        if (space < 0)
            return null;
        var scheme = header[..space];
        if (!scheme.Equals("token", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase))
            return null;
        return state.FindToken(header[(space + 1)..].Trim());
    }

    static string? Scheme(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 0 } header ? header.Split(' ')[0] : null;

    void AddUsualHeaders(HttpResponse response, DateTimeOffset now)
    {
        var count = Interlocked.Increment(ref used);
        var headers = response.Headers;
        headers["x-ratelimit-limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(0, RateLimit - count).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = now.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = count.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = "core";
        headers["x-github-request-id"] = RequestId();
        headers["x-github-api-version-selected"] = "2022-11-28";
        headers["x-github-media-type"] = "github.v3; format=json";
        headers["Server"] = "github.com";
    }

    static async Task WriteAsync(HttpResponse response, ScriptedResponse scripted)
    {
        response.StatusCode = scripted.Status;
        foreach (var (name, value) in scripted.Headers)
            response.Headers[name] = value;
        response.ContentType = scripted.ContentType;
        await response.WriteAsync(scripted.Body).ConfigureAwait(false);
    }

    static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase))
            return null;
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    // Shaped like GitHub's: five hex fields.
    static string RequestId()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return string.Join(':', Convert.ToHexString(bytes, 0, 2), Convert.ToHexString(bytes, 2, 2), Convert.ToHexString(bytes, 4, 4),
            Convert.ToHexString(bytes, 8, 4), Convert.ToHexString(bytes, 12, 4));
    }
}
