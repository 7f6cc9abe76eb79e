namespace MlBuild.Tool.Cli;

/// <summary>The tool's exit codes. A report that could not be posted is not a failed job by default: the step summary
/// and the artifact still hold it, and a red check for a comment would block merges for the wrong reason.</summary>
internal static class ExitCodes
{
    /// <summary>Posted, or nothing to post (no pull request, no token, a read-only token): said why.</summary>
    public const int Success = 0;

    /// <summary>Refused (a report may not choose its pull request), unusable reports, or any failure with
    /// <c>--fail-on-error</c>.</summary>
    public const int Failure = 1;

    /// <summary>The command line does not parse (System.CommandLine prints what is wrong and the help).</summary>
    public const int Usage = 2;
}
