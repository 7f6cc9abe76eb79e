using System.Globalization;
using MlBuild.GitHub.Api;
using Octokit;

namespace MlBuild.GitHub.Publishing;

/// <summary>
/// Turns what Octokit throws into an outcome and a message that says what to do. A failed post is a warning for
/// the build, not a crash: the report is still in the step summary and in <c>report.md</c>.
/// </summary>
internal static class PublishFailures
{
    public static PublishResult FromApi(ApiException e, PublishRequest request)
    {
        var status = (int)e.StatusCode;
        var gitHub = string.IsNullOrWhiteSpace(e.ApiError?.Message) ? e.Message : e.ApiError.Message;
        var target = $"{request.Repository}#{request.PullRequestNumber}";
        var (outcome, message) = status switch
        {
            403 when gitHub.Contains("Resource not accessible by integration", StringComparison.OrdinalIgnoreCase) =>
                (PublishOutcome.ReadOnlyToken,
                 $"The token may not comment on {target} (GitHub answered 403 \"Resource not accessible by integration\"). " +
                 "A pull request from a fork gets a read-only GITHUB_TOKEN: save the report as an artifact and post it from a " +
                 "workflow_run workflow. For a pull request from this repository, give the job `permissions: pull-requests: write`."),
            _ when IsRateLimit(e, status) =>
                (PublishOutcome.RateLimited,
                 $"GitHub's rate limit refused the report for {target}, and MlBuild waits at most " +
                 $"{RetryPolicy.Describe(request.Retry.MaxTotalWait)} for it{ResetTime(e)}: {gitHub}"),
            401 =>
                (PublishOutcome.BadCredentials,
                 $"GitHub rejected the token (401 \"{gitHub}\"): the token is invalid or expired. Pass a valid token, e.g. " +
                 "`env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` in the workflow."),
            404 =>
                (PublishOutcome.NotFound,
                 $"GitHub answered 404 for pull request {target}: check the repository and the number, and that the token " +
                 "can see the repository (GitHub answers 404, not 403, to a token that cannot)."),
            _ =>
                (PublishOutcome.Failed, $"GitHub answered {status} while posting the report on {target}: {gitHub}"),
        };
        return new PublishResult(outcome, message) { StatusCode = status };
    }

    public static PublishResult Unreachable(Exception e, PublishRequest request) =>
        new(PublishOutcome.Failed, e is TaskCanceledException
            ? $"GitHub at {request.ApiUrl} did not answer in time; the report was not posted."
            : $"GitHub at {request.ApiUrl} could not be reached ({e.Message}); the report was not posted.");

    static bool IsRateLimit(ApiException e, int status) =>
        e is RateLimitExceededException or SecondaryRateLimitExceededException
        || status == 429
        || (status == 403 && Header(e, "x-ratelimit-remaining") == "0");

    static string ResetTime(ApiException e) =>
        long.TryParse(Header(e, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? $" (it resets at {DateTimeOffset.FromUnixTimeSeconds(epoch):HH:mm:ss} UTC)"
            : "";

    static string? Header(ApiException e, string name) =>
        e.HttpResponse?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();
}
