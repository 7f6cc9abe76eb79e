namespace MlBuild.Tool.Posting;

/// <summary>What <c>mlbuild report post</c> was asked to do, as parsed from its command line.</summary>
/// <param name="Reports">Saved report folders (or their <c>report.md</c>), in the order their reports appear.</param>
/// <param name="ReportId">The comment's id; null keeps the saved one.</param>
/// <param name="PullRequest">The pull request; null to take it from the event (and, in a <c>workflow_run</c>, the
/// saved report).</param>
/// <param name="Repository"><c>owner/name</c>; null for <c>GITHUB_REPOSITORY</c>, then the saved report's.</param>
/// <param name="FailOnError">A report that is not posted fails the command.</param>
/// <param name="StepSummary">Also append the report to <c>GITHUB_STEP_SUMMARY</c>.</param>
/// <param name="InStepSummary">The caller appended it already (the Evaluate target): messages say it is there.</param>
internal sealed record PostOptions(
    IReadOnlyList<string> Reports,
    string? ReportId = null,
    int? PullRequest = null,
    string? Repository = null,
    bool FailOnError = false,
    bool StepSummary = false,
    bool InStepSummary = false);
