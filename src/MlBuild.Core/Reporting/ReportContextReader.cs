using System.Text.RegularExpressions;
using MlBuild.Core.Baselines;

namespace MlBuild.Core.Reporting;

/// <summary>
/// Gathers the <see cref="ReportContext"/> of this build. In GitHub Actions: the links to the repository, the
/// commit and the run from GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT, and the
/// candidate commit from the event payload (the pull request's head) or GITHUB_SHA. Locally: HEAD, and whether
/// the working tree differs from it. Nothing here fails: what cannot be read is left out of the report.
/// </summary>
internal sealed partial class ReportContextReader
{
    private readonly IGitRunner _git;
    private readonly Func<string, string?> _environment;

    /// <param name="environment">Reads an environment variable; tests pass their own.</param>
    public ReportContextReader(IGitRunner git, Func<string, string?> environment)
    {
        _git = git;
        _environment = environment;
    }

    /// <param name="baselineCommit">The baseline's full sha, when it came from git: where the history ends.</param>
    /// <param name="historyLength">How many versions of the lock file to chart; 0 for none.</param>
    public ReportContext Read(string projectFile, string lockFile, string? baselineCommit, int historyLength)
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var folder = FolderInRepository(projectDirectory);
        var inActions = _environment("GITHUB_ACTIONS") == "true";
        var pullRequest = inActions
            ? GitHub.Actions.PullRequestEvent.Read(_environment("GITHUB_EVENT_NAME"), _environment("GITHUB_EVENT_PATH"), out _)
            : null;
        var repositoryUrl = inActions ? RepositoryUrl() : null;
        return new ReportContext
        {
            Project = (folder ?? "") + Path.GetFileName(projectFile),
            ProjectFolderInRepository = folder,
            Candidate = (inActions ? ActionsCandidate(pullRequest) : null) ?? LocalCandidate(projectDirectory, folder),
            RepositoryUrl = repositoryUrl,
            RunUrl = RunUrl(repositoryUrl),
            PullRequest = pullRequest?.Number,
            History = historyLength <= 0 ? null
                : folder is null ? LockFileHistory.None("the project is not in a git repository")
                : string.IsNullOrEmpty(baselineCommit) ? LockFileHistory.None("the baseline is not a git commit")
                : LockFileHistory.Read(_git, lockFile, baselineCommit, historyLength),
        };
    }

    private string? FolderInRepository(string directory)
    {
        if (!Directory.Exists(directory))
            return null;
        var prefix = _git.Run(directory, "rev-parse", "--show-prefix");
        return prefix.Succeeded ? prefix.Output.Trim() : null;
    }

    private CommitInfo? ActionsCandidate(GitHub.Actions.PullRequestEvent? pullRequest) =>
        pullRequest?.HeadSha is { } head && GitSha.IsValid(head) ? CommitInfo.Of(head)
        : _environment("GITHUB_SHA") is { } sha && GitSha.IsValid(sha) ? CommitInfo.Of(sha)
        : null;

    /// <summary>HEAD, marked when the working tree has changes (untracked files count: a new data file is one).</summary>
    private CommitInfo? LocalCandidate(string directory, string? folder)
    {
        if (folder is null)
            return null;
        var head = _git.Run(directory, "rev-parse", "--verify", "--quiet", "HEAD");
        if (!head.Succeeded || head.Output.Trim() is not { } sha || !GitSha.IsValid(sha))
            return null;
        var shortSha = _git.Run(directory, "rev-parse", "--short", sha) is { Succeeded: true } abbreviated
            ? abbreviated.Output.Trim() : CommitInfo.Of(sha).ShortSha;
        var status = _git.Run(directory, "status", "--porcelain");
        return new CommitInfo(sha, shortSha, HasUncommittedChanges: status.Succeeded && status.Output.Trim().Length > 0);
    }

    /// <summary>"{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}", when both look like what GitHub sets: whatever goes into a
    /// link is checked, so a strange value cannot break the markdown.</summary>
    private string? RepositoryUrl()
    {
        var server = _environment("GITHUB_SERVER_URL")?.TrimEnd('/');
        var repository = _environment("GITHUB_REPOSITORY");
        if (server is null || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || server.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>')
            || repository is null || !RepositoryName().IsMatch(repository))
            return null;
        return $"{server}/{repository}";
    }

    private string? RunUrl(string? repositoryUrl)
    {
        if (repositoryUrl is null || !IsNumber(_environment("GITHUB_RUN_ID"), out var runId))
            return null;
        var url = $"{repositoryUrl}/actions/runs/{runId}";
        // A re-run's own attempt, so the link shows the logs of the run that wrote this report.
        return IsNumber(_environment("GITHUB_RUN_ATTEMPT"), out var attempt) && attempt > 1 ? $"{url}/attempts/{attempt}" : url;
    }

    private static bool IsNumber(string? text, out long value) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryName();
}
