using MlBuild.GitHub.Api;
using MlBuild.GitHub.Comments;
using Octokit;

namespace MlBuild.GitHub.Publishing;

/// <summary>
/// Posts a report as one comment on a pull request, and keeps that comment up to date on later runs. The entry point
/// of the MSBuild task and of the dotnet tool.
/// </summary>
public static class ReportPublisher
{
    /// <summary>GitHub's limit for a comment's body, in characters.</summary>
    public const int MaxCommentLength = CommentBody.MaxLength;

    /// <summary>
    /// Creates, updates or leaves the report's comment as it is. Never throws for an HTTP problem: every failure is
    /// an outcome with a message (cancellation still throws).
    /// </summary>
    public static async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Token))
            return new(PublishOutcome.NoToken,
                "No GitHub token, so the report was not posted on the pull request. In a workflow, set " +
                "`env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` on the step.");
        if (request.Repository.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name])
            return new(PublishOutcome.Failed, $"'{request.Repository}' is not a repository: expected owner/name.");
        if (request.PullRequestNumber <= 0)
            return new(PublishOutcome.Failed, $"{request.PullRequestNumber} is not a pull request number.");

        // The token can only reach a message through GitHub's own text (or a bug): scrub every line anyway.
        var token = request.Token;
        string Scrub(string text) => text.Replace(token, "***", StringComparison.Ordinal);
        var log = request.Log is null ? (Action<string>)(_ => { }) : line => request.Log(Scrub(line));

        var marker = ReportMarker.For(request.ReportId);
        var body = CommentBody.Compose(marker, request.Body, request.FullReportUrl, out var truncated);
        if (truncated)
            log($"The report is longer than GitHub's {MaxCommentLength:N0} characters for a comment: it was cut.");

        var client = GitHubClientFactory.Create(request.ApiUrl, token, request.Retry, log, cancellationToken);
        PublishResult result;
        try
        {
            var sync = await new PullRequestCommentSync(client, log)
                .SyncAsync(owner, name, request.PullRequestNumber, marker, body, request.Author)
                .ConfigureAwait(false);
            result = Posted(sync, request) with { Truncated = truncated };
        }
        catch (ApiException e)
        {
            result = PublishFailures.FromApi(e, request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            result = PublishFailures.Unreachable(e, request);
        }
        return result with { Message = Scrub(result.Message) };
    }

    static PublishResult Posted(CommentSyncResult sync, PublishRequest request)
    {
        var target = $"{request.Repository}#{request.PullRequestNumber}";
        var (outcome, what) = sync.Action switch
        {
            CommentAction.Created => (PublishOutcome.Created, $"Posted the report on {target}"),
            CommentAction.Updated => (PublishOutcome.Updated, $"Updated the report on {target}"),
            _ => (PublishOutcome.Unchanged, $"The report on {target} is up to date"),
        };
        var duplicates = sync.DuplicatesRemoved > 0 ? $" (removed {sync.DuplicatesRemoved} duplicate comment(s))" : "";
        return new PublishResult(outcome, $"{what}: {sync.HtmlUrl}{duplicates}")
        {
            CommentUrl = sync.HtmlUrl,
            CommentId = sync.CommentId,
            DuplicatesRemoved = sync.DuplicatesRemoved,
        };
    }
}
