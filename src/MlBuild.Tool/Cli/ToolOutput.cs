using MlBuild.Data.Diagnostics;
using MlBuild.GitHub.Actions;

namespace MlBuild.Tool.Cli;

/// <summary>
/// Everything the tool prints. Warnings and errors carry their code in the form build logs use
/// (<c>file(line): warning MLB6001: …</c>) and, in GitHub Actions, are repeated as <c>::warning::</c>/<c>::error::</c> commands
/// so that they show as annotations on the run and the pull request.
/// </summary>
/// <param name="secret">The token: replaced by <c>***</c> in every line, whatever its source (GitHub's own error
/// text, an exception message), because a log is public on a public repository.</param>
internal sealed class ToolOutput(TextWriter writer, bool inActions, string? secret)
{
    public void Info(string message) => Write(message);

    /// <summary>A progress line from the publisher (retries, comments read), indented under the step it belongs to.</summary>
    public void Detail(string message) => Write("  " + message);

    public void Warning(string code, string message, Location? at = null)
    {
        Write($"{Origin(at)}warning {code}: {message}");
        if (inActions)
            Write(WorkflowCommands.Warning(message, at?.File, Positive(at?.Line), Positive(at?.Column), title: code));
    }

    public void Error(string code, string message, Location? at = null)
    {
        Write($"{Origin(at)}error {code}: {message}");
        if (inActions)
            Write(WorkflowCommands.Error(message, at?.File, Positive(at?.Line), Positive(at?.Column), title: code));
    }

    /// <summary>The canonical form compilers and MSBuild use, <c>file(line,col): error CODE: text</c>: editors jump to
    /// it, and the CheckDrift target turns each such line into a build error at that place.</summary>
    static string Origin(Location? at) => at is { File.Length: > 0 } place ? place.Canonical + ": " : "";

    static int? Positive(int? value) => value > 0 ? value : null;

    void Write(string line) =>
        writer.WriteLine(string.IsNullOrEmpty(secret) ? line : line.Replace(secret, "***", StringComparison.Ordinal));
}
