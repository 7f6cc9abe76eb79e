using Microsoft.Build.Framework;
using MlBuild.GitHub.Actions;
using MlBuild.GitHub.Reports;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.IO;
using MlBuild.Core.Reporting.Html;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// Delivers the report that ApplyGates rendered. Always: saves it for posting later (report.md with
/// mlbuild-report.json, for the fork-safe workflow_run pattern) and, in GitHub Actions, appends it to the step
/// summary. In a pull request's run: posts it as the one comment of this report id, updated in place on later runs,
/// through <c>mlbuild report post</c> (<see cref="MlBuildToolTask"/>), so that Octokit never loads into MSBuild. Runs
/// after the gates even when they failed, so reviewers see why; a failed post is a warning (the step summary has the
/// report) unless MlBuildReportFailOnPostError is true.
/// </summary>
public sealed class PublishReport : MlBuildToolTask
{
    /// <summary>The environment variable the tool reads the token from.</summary>
    public const string TokenVariable = "GITHUB_TOKEN";

    private readonly List<string> _postArguments = [];

    [Required] public string ReportFile { get; set; } = "";
    /// <summary>MlBuildReportId; empty for the project's path in the repository (and the workflow's name in Actions).</summary>
    public string? ReportId { get; set; }
    /// <summary>MlBuildPostReport: false keeps the report off the pull request (it is still saved and summarized).</summary>
    public bool Post { get; set; } = true;
    /// <summary>MlBuildGitHubToken. Empty: the GITHUB_TOKEN environment variable, which the tool inherits rather than
    /// receiving through a property, so that it appears in no build log.</summary>
    public string? Token { get; set; }
    /// <summary>MlBuildReportFailOnPostError: a report that could not be posted fails the build.</summary>
    public bool FailOnPostError { get; set; }
    /// <summary>ApplyGates' Passed: whether every gate and expectation passed.</summary>
    public bool Passed { get; set; }
    /// <summary>MlBuildReportDirectory: another folder to save the report in (e.g. for an artifact upload).</summary>
    public string? SaveDirectory { get; set; }

    /// <summary>Reads an environment variable; tests of the task pass their own.</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    protected override IEnumerable<string> ToolArguments => _postArguments;

    /// <summary>The poster's progress (retries, comments read) is indented under what it reports.</summary>
    protected override bool IsDetail(string line) => line.StartsWith("  ", StringComparison.Ordinal);

    /// <summary>A token given as a property reaches the tool as its GITHUB_TOKEN, set on the process only.</summary>
    protected override IEnumerable<KeyValuePair<string, string>> SecretEnvironment =>
        string.IsNullOrEmpty(Token) ? [] : [new(TokenVariable, Token)];

    public override bool Execute()
    {
        if (!File.Exists(ReportFile))
        {
            // ApplyGates writes the report unless it failed itself, and then its error is in the log already.
            if (!Log.HasLoggedErrors)
                Log.Warning(MlbCodes.ReportMissing, new SourceLocation(ProjectFile), $"There is no report to publish ({ReportFile}).");
            return !Log.HasLoggedErrors;
        }

        var actions = ActionsEnvironment.Read(name => Environment(name));
        var pullRequest = ReadPullRequest(actions);
        // A token given as a property is not a secret the runner knows: ask it to mask the value from here on. A
        // GITHUB_TOKEN from the workflow's secrets is masked already.
        if (actions.IsActions && !string.IsNullOrEmpty(Token))
            Log.LogMessage(MessageImportance.High, WorkflowCommands.AddMask(Token));

        var saved = new SavedReport
        {
            ReportId = string.IsNullOrWhiteSpace(ReportId) ? DefaultReportId(actions) : ReportId.Trim(),
            Project = ProjectPath(actions),
            Passed = Passed,
            Markdown = File.ReadAllText(ReportFile),
            Repository = actions.Repository,
            PullRequestNumber = pullRequest?.Number,
            HeadSha = pullRequest?.HeadSha ?? actions.Sha,
            RunUrl = actions.RunUrl,
        };
        saved.Save(Path.GetDirectoryName(Path.GetFullPath(ReportFile))!);
        if (!string.IsNullOrWhiteSpace(SaveDirectory))
        {
            var directory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!, SaveDirectory));
            saved.Save(directory);
            // The HTML report goes with it, for an artifact upload and a solution's combined report.
            foreach (var name in new[] { HtmlReportFiles.Document, HtmlReportPart.FileName })
            {
                var html = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ReportFile))!, name);
                if (File.Exists(html))
                    AtomicFile.Copy(html, Path.Combine(directory, name));
            }
        }

        var inStepSummary = actions.StepSummaryPath is { } summary && AppendToStepSummary(summary, saved.Markdown);

        if (!Post)
            Log.LogMessage(MessageImportance.Low, "The report is not posted: MlBuildPostReport is false.");
        else if (!actions.IsActions)
            Log.LogMessage(MessageImportance.Low, "The report is posted only in GitHub Actions; it is in {0}.", ReportFile);
        else if (pullRequest?.Number is not { } number || actions.Repository is null)
            Log.LogMessage(MessageImportance.High, "The report is not posted: this run ({0}) is not for a pull request; it is in the step summary.", actions.EventName ?? "no event");
        else
            return PostThroughTool(saved, number, actions.Repository, inStepSummary);
        return !Log.HasLoggedErrors;
    }

    private PullRequestEvent? ReadPullRequest(ActionsEnvironment actions)
    {
        if (!actions.IsActions)
            return null;
        var pullRequest = PullRequestEvent.Read(actions.EventName, actions.EventPath, out var error);
        if (error is not null)
            Log.Warning(MlbCodes.EventPayloadUnreadable, new SourceLocation(actions.EventPath ?? ProjectFile),
                $"The GitHub Actions event payload cannot be read, so the report is not posted: {error}");
        return pullRequest;
    }

    /// <summary>The tool posts the saved report and says what happened: posted, not posted for want of a token (a
    /// message), refused (MLB6001, or error MLB6002 with MlBuildReportFailOnPostError).</summary>
    private bool PostThroughTool(SavedReport saved, int number, string repository, bool inStepSummary)
    {
        _postArguments.AddRange(["report", "post", Path.GetDirectoryName(Path.GetFullPath(ReportFile))!,
            "--report-id", saved.ReportId, "--pull-request", number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--repository", repository]);
        if (FailOnPostError)
            _postArguments.Add("--fail-on-error");
        if (inStepSummary)
            _postArguments.Add("--in-step-summary");
        return base.Execute() && !Log.HasLoggedErrors;
    }

    /// <returns>Whether the step summary now holds the report.</returns>
    private bool AppendToStepSummary(string summary, string markdown)
    {
        try
        {
            var result = StepSummary.Append(summary, markdown, ReportFile);
            if (result == StepSummaryResult.Full)
                Log.Warning(MlbCodes.StepSummaryFull, new SourceLocation(ProjectFile),
                    $"The step summary is at GitHub's limit of {StepSummary.MaxBytes / 1024} KiB: the report was not added to it. It is in {ReportFile}.");
            return result == StepSummaryResult.Appended;
        }
        catch (IOException e)
        {
            Log.Warning(MlbCodes.StepSummaryFull, new SourceLocation(ProjectFile), $"The report could not be added to the step summary {summary}: {e.Message}");
            return false;
        }
    }

    /// <summary>The project's path in the repository ("samples/Iris/Iris.csproj"), after the workflow's name in
    /// Actions: two projects, or one project evaluated by two workflows, keep a comment each.</summary>
    private string DefaultReportId(ActionsEnvironment actions) =>
        actions.Workflow is { Length: > 0 } workflow ? $"{workflow}:{ProjectPath(actions)}" : ProjectPath(actions);

    /// <summary>The project file's path in the repository (the checkout in Actions), or its name outside one.</summary>
    private string ProjectPath(ActionsEnvironment actions)
    {
        var project = Path.GetFullPath(ProjectFile);
        var root = actions.Workspace ?? RepositoryRoot(project);
        var path = root is null ? Path.GetFileName(project) : Path.GetRelativePath(root, project).Replace('\\', '/');
        return path.StartsWith("..", StringComparison.Ordinal) ? Path.GetFileName(project) : path;
    }

    private static string? RepositoryRoot(string file)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null; directory = Path.GetDirectoryName(directory))
            if (Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
                return directory;
        return null;
    }
}
