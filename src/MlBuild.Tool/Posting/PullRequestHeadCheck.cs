using MlBuild.GitHub.Api;
using MlBuild.Tool.Cli;
using MlBuild.GitHub.Publishing;
using Octokit;

namespace MlBuild.Tool.Posting;

/// <summary>
/// The guard of the fork-safe pattern. The <c>workflow_run</c> job posts with a token that may write, but the pull
/// request number comes from an artifact the pull request's own run wrote: a fork could name any pull request of the
/// repository and have its text posted there under the bot's name. The event's <c>head_sha</c> is written by GitHub,
/// so the pull request is accepted only when its head is that commit.
/// </summary>
internal static class PullRequestHeadCheck
{
    /// <exception cref="NotPostedException">The heads differ (a refusal), or GitHub could not be asked.</exception>
    public static async Task VerifyAsync(PullRequestTarget target, string apiUrl, string token, RetryOptions retry, Action<string> log,
        CancellationToken cancellationToken)
    {
        var required = target.RequiredHeadSha!;
        var client = GitHubClientFactory.Create(apiUrl, token, retry, log, cancellationToken);
        string head;
        try
        {
            head = (await client.PullRequest.Get(target.Owner, target.Name, target.Number).ConfigureAwait(false)).Head.Sha;
        }
        catch (ApiException e)
        {
            throw new NotPostedException(MlbCodes.ReportNotPosted,
                $"Could not check {target} before posting: GitHub answered {(int)e.StatusCode} ({e.ApiError?.Message ?? e.Message}). The report is not posted.",
                fatal: false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new NotPostedException(MlbCodes.ReportNotPosted,
                $"Could not check {target} before posting: GitHub at {apiUrl} did not answer ({e.Message}). The report is not posted.",
                fatal: false);
        }

        if (!string.Equals(head, required, StringComparison.OrdinalIgnoreCase))
            throw new NotPostedException(MlbCodes.HeadShaMismatch,
                $"Refusing to post on {target}, the pull request named by {target.Source}: its head is {Short(head)}, but this workflow_run " +
                $"evaluated {Short(required)}. A report may not choose which pull request it lands on, so in a workflow_run it is posted only " +
                "on a pull request whose head is the commit the run evaluated" +
                (target.Source == PullRequestTarget.SavedReportSource ? " (the number in a saved report was written by the pull request's own, untrusted run)" : "") +
                $". If {target} was pushed to since, the newer run posts its own report.",
                fatal: true);
        log($"{target}'s head is {Short(head)}, the commit this workflow_run evaluated.");
    }

    static string Short(string? sha) => sha is { Length: > 12 } ? sha[..12] : sha ?? "(none)";
}
