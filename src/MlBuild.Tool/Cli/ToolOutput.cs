using MlBuild.GitHub.Actions;

namespace MlBuild.Tool.Cli;

/// <summary>
/// Everything the tool prints. Warnings and errors carry their code in the form build logs use
/// (<c>warning MLB6001: …</c>) and, in GitHub Actions, are repeated as <c>::warning::</c>/<c>::error::</c> commands
/// so that they show as annotations on the run and the pull request.
/// </summary>
/// <param name="secret">The token: replaced by <c>***</c> in every line, whatever its source (GitHub's own error
/// text, an exception message), because a log is public on a public repository.</param>
internal sealed class ToolOutput(TextWriter writer, bool inActions, string? secret)
{
    public void Info(string message) => Write(message);

    /// <summary>A progress line from the publisher (retries, comments read), indented under the step it belongs to.</summary>
    public void Detail(string message) => Write("  " + message);

    public void Warning(string code, string message)
    {
        Write($"warning {code}: {message}");
        if (inActions)
            Write(WorkflowCommands.Warning(message, title: code));
    }

    public void Error(string code, string message)
    {
        Write($"error {code}: {message}");
        if (inActions)
            Write(WorkflowCommands.Error(message, title: code));
    }

    void Write(string line) =>
        writer.WriteLine(string.IsNullOrEmpty(secret) ? line : line.Replace(secret, "***", StringComparison.Ordinal));
}
