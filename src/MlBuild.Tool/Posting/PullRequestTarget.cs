using MlBuild.GitHub.Actions;
using MlBuild.Tool.Cli;
using MlBuild.GitHub.Publishing;

namespace MlBuild.Tool.Posting;

/// <summary>
/// The pull request the report goes to, and, in a <c>workflow_run</c>, the commit its head must be.
/// </summary>
/// <param name="Source">Where the number came from, for messages: <c>--pull-request</c>, the event, the saved report.</param>
/// <param name="RequiredHeadSha">The head commit the pull request must have before anything is posted; null when
/// the number is trusted as it is.</param>
internal sealed record PullRequestTarget(string Repository, int Number, string Source, string? RequiredHeadSha)
{
    public const string SavedReportSource = "the saved report";

    public string Owner => Repository.Split('/')[0];

    public string Name => Repository.Split('/')[1];

    public override string ToString() => $"{Repository}#{Number}";

    /// <summary>
    /// <c>--pull-request</c> first; else the <c>pull_request</c>/<c>pull_request_target</c> event's; else, in a
    /// <c>workflow_run</c>, the pull request GitHub names in the event or (a fork's, which GitHub does not name) the
    /// one the saved reports name. The saved number was written by the pull request's own, untrusted run, so in a
    /// <c>workflow_run</c> the target always carries the run's head commit (from the event, which GitHub writes) to
    /// be checked against the pull request's head before posting.
    /// </summary>
    /// <returns>Null, with <paramref name="notForPullRequest"/> saying so, when the run is not for a pull request.</returns>
    /// <exception cref="NotPostedException">The event payload cannot be read, or the repository is unknown.</exception>
    public static PullRequestTarget? Resolve(PostOptions options, ActionsEnvironment actions, CombinedReport report, out string? notForPullRequest)
    {
        notForPullRequest = null;
        var eventName = actions.EventName;
        var isWorkflowRun = eventName == "workflow_run";
        var pull = isWorkflowRun || options.PullRequest is null ? ReadEvent(actions) : null;

        var (number, source) = options.PullRequest is { } given ? (given, "--pull-request")
            : !isWorkflowRun ? (pull?.Number, $"the {eventName} event")
            : pull?.Number is { } listed ? (listed, "the workflow_run event")
            : (report.PullRequestNumber, SavedReportSource);
        if (number is null)
        {
            notForPullRequest = isWorkflowRun
                ? "The report is not posted: neither the workflow_run event nor the saved report names a pull request."
                : $"The report is not posted: this run ({eventName ?? "not a GitHub Actions run"}) is not for a pull request. Give --pull-request to post it anyway.";
            return null;
        }

        var repository = options.Repository ?? actions.Repository ?? report.Repository;
        if (repository is null || !IsRepository(repository))
            throw new NotPostedException(MlbCodes.UnusableReports,
                repository is null
                    ? "The repository is unknown: give --repository owner/name (GITHUB_REPOSITORY is not set, and the saved reports name none, or several)."
                    : $"'{repository}' is not a repository: expected owner/name.",
                fatal: true);

        string? requiredHead = null;
        if (isWorkflowRun)
            requiredHead = pull?.HeadSha ?? throw new NotPostedException(MlbCodes.EventPayloadUnreadable,
                $"The workflow_run event payload '{actions.EventPath}' has no head_sha, so the pull request cannot be checked: the report is not posted.",
                fatal: false);
        return new PullRequestTarget(repository, number.Value, source, requiredHead);
    }

    /// <summary><c>owner/name</c>, both parts non-empty.</summary>
    public static bool IsRepository(string value) => value.Split('/') is [{ Length: > 0 }, { Length: > 0 }];

    static PullRequestEvent? ReadEvent(ActionsEnvironment actions)
    {
        var pull = PullRequestEvent.Read(actions.EventName, actions.EventPath, out var error);
        return error is null ? pull : throw new NotPostedException(MlbCodes.EventPayloadUnreadable,
            $"The GitHub Actions event payload cannot be read, so the pull request is unknown and the report is not posted: {error}",
            fatal: false);
    }
}
