namespace MlBuild.Tool.Posting;

/// <summary>
/// Why the report was not posted, with its code. A <paramref name="fatal"/> one (a refusal, reports that cannot be
/// used) is an error whatever the options; the others (GitHub refused, no token, no event payload) are warnings
/// unless <c>--fail-on-error</c>, because the report is still in the saved folder and the step summary.
/// </summary>
internal sealed class NotPostedException(string code, string message, bool fatal) : Exception(message)
{
    public string Code { get; } = code;

    public bool Fatal { get; } = fatal;
}
