using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.GitHub.Actions;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Tasks.Diagnostics;

/// <summary>
/// In GitHub Actions, repeats an error or warning as a workflow command (<c>::error file=…,line=…::</c>), so that it
/// shows as an annotation on the pull request's changed files and on the run's summary, at its MlGate item or
/// expectation line. Elsewhere it does nothing: the MSBuild error is the message.
/// </summary>
internal sealed class ActionsAnnotations(TaskLoggingHelper log, ActionsEnvironment actions)
{
    public void Error(string code, SourceLocation at, string message) => Annotate(isError: true, code, at, message);

    public void Warning(string code, SourceLocation at, string message) => Annotate(isError: false, code, at, message);

    private void Annotate(bool isError, string code, SourceLocation at, string message)
    {
        if (!actions.IsActions)
            return;
        var file = RepositoryPath(at.File);
        int? line = at.Line > 0 ? at.Line : null;
        int? column = at.Column > 0 ? at.Column : null;
        log.LogMessage(MessageImportance.High, isError
            ? WorkflowCommands.Error(message, file, line, column, title: code)
            : WorkflowCommands.Warning(message, file, line, column, title: code));
    }

    /// <summary>Annotations name files relative to the checkout (GITHUB_WORKSPACE); a file outside it keeps its
    /// full path (the annotation then shows on the run, not on a file).</summary>
    private string RepositoryPath(string file)
    {
        if (string.IsNullOrEmpty(file) || actions.Workspace is not { } workspace)
            return file;
        var relative = Path.GetRelativePath(workspace, Path.GetFullPath(file));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }
}
