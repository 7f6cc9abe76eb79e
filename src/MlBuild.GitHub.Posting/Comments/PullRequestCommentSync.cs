using Octokit;

namespace MlBuild.GitHub.Comments;

/// <summary>What the sync did to the pull request's comments.</summary>
internal enum CommentAction { Created, Updated, Unchanged }

/// <summary>The comment that now holds the report.</summary>
internal sealed record CommentSyncResult(CommentAction Action, long CommentId, string HtmlUrl, int DuplicatesRemoved);

/// <summary>
/// Keeps exactly one comment per report on a pull request: finds ours by marker and author through every page of
/// comments, creates it when there is none, rewrites it only when the report changed, and removes the duplicates a
/// concurrent run created.
/// </summary>
internal sealed class PullRequestCommentSync(IGitHubClient client, Action<string> log)
{
    /// <summary>Who posts with a workflow's <c>GITHUB_TOKEN</c>.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    public async Task<CommentSyncResult> SyncAsync(string owner, string name, int number, string marker, string body, string? author)
    {
        var identity = string.IsNullOrEmpty(author) ? await WhoAmIAsync().ConfigureAwait(false) : author;

        // Every page, 100 a page (GitHub's most): a busy pull request has more than one page, and reading only the
        // first is how other tools end up posting a second comment. Octokit follows the Link headers.
        var comments = await client.Issue.Comment.GetAllForIssue(owner, name, number, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);

        // The author matters as much as the marker: anyone can paste our marker into a comment of theirs, and that
        // comment must be neither edited (we could not) nor deleted.
        var ours = comments
            .Where(c => ReportMarker.IsIn(c.Body, marker) && string.Equals(c.User?.Login, identity, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToList();
        log($"Read {comments.Count} comment(s) of #{number}; {ours.Count} of them hold this report (author {identity}).");

        if (ours.Count == 0)
        {
            var created = await client.Issue.Comment.Create(owner, name, number, body).ConfigureAwait(false);
            return new(CommentAction.Created, created.Id, created.HtmlUrl, 0);
        }

        // Keep the oldest: it is the one reviewers have seen, and its place in the conversation stays.
        var kept = ours[0];
        var removed = 0;
        foreach (var duplicate in ours.Skip(1))
            removed += await DeleteAsync(owner, name, duplicate.Id).ConfigureAwait(false) ? 1 : 0;

        if (SameText(kept.Body, body))
            return new(CommentAction.Unchanged, kept.Id, kept.HtmlUrl, removed);
        var updated = await client.Issue.Comment.Update(owner, name, kept.Id, body).ConfigureAwait(false);
        return new(CommentAction.Updated, updated.Id, updated.HtmlUrl, removed);
    }

    /// <summary>
    /// The login our comments are posted under. A workflow's <c>GITHUB_TOKEN</c> (an app installation token) may not
    /// read <c>/user</c>: GitHub answers 403 "Resource not accessible by integration", and its comments are by
    /// github-actions[bot]. Another app's installation token posts as <c>&lt;app-slug&gt;[bot]</c>: callers pass that
    /// as the author.
    /// </summary>
    async Task<string> WhoAmIAsync()
    {
        try
        {
            return (await client.User.Current().ConfigureAwait(false)).Login;
        }
        catch (ApiException e) when (e is not (RateLimitExceededException or SecondaryRateLimitExceededException)
            && (int)e.StatusCode is 401 or 403 or 404)
        {
            log($"GitHub does not say whose token this is ({(int)e.StatusCode}); looking for comments by {ActionsBotLogin}.");
            return ActionsBotLogin;
        }
    }

    // Cleaning up is secondary to posting the report: a duplicate that cannot be deleted now is deleted next time.
    async Task<bool> DeleteAsync(string owner, string name, long commentId)
    {
        try
        {
            await client.Issue.Comment.Delete(owner, name, commentId).ConfigureAwait(false);
            log($"Deleted comment {commentId}, a duplicate of the report (from a concurrent run).");
            return true;
        }
        catch (NotFoundException)
        {
            // The concurrent run is cleaning up too, and was first.
            return false;
        }
        catch (ApiException e)
        {
            log($"Could not delete comment {commentId}, a duplicate of the report ({(int)e.StatusCode}: {e.ApiError?.Message ?? e.Message}).");
            return false;
        }
    }

    /// <summary>Equal but for line endings and trailing whitespace, which GitHub may change when it stores a body.</summary>
    internal static bool SameText(string? stored, string body) => Normalize(stored) == Normalize(body);

    static string Normalize(string? text) =>
        string.Join('\n', (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).TrimEnd('\n');
}
