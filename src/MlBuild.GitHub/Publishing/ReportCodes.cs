namespace MlBuild.GitHub.Publishing;

/// <summary>
/// The 6xxx codes (reports) of the Evaluate target's PublishReport task and of <c>mlbuild report post</c>: the same
/// code for the same situation, defined once here, so that one table in the README explains both.
/// </summary>
public static class ReportCodes
{
    /// <summary>The report was not posted (read-only token, GitHub refused or unreachable): a warning.</summary>
    public const string ReportNotPosted = "MLB6001";

    /// <summary>The report was not posted and <c>--fail-on-error</c> makes that an error.</summary>
    public const string ReportPostFailed = "MLB6002";

    /// <summary>A report named on the command line does not exist.</summary>
    public const string ReportMissing = "MLB6003";

    /// <summary>The event payload at <c>GITHUB_EVENT_PATH</c> cannot be read.</summary>
    public const string EventPayloadUnreadable = "MLB6004";

    /// <summary>The step summary is full or cannot be written.</summary>
    public const string StepSummaryFull = "MLB6005";

    /// <summary>In a <c>workflow_run</c>, the pull request's head is not the commit the run was for: refused.</summary>
    public const string HeadShaMismatch = "MLB6006";

    /// <summary>The arguments and saved reports cannot be used together (different ids without <c>--report-id</c>,
    /// different pull requests, no repository, metadata that does not parse).</summary>
    public const string UnusableReports = "MLB6007";
}
