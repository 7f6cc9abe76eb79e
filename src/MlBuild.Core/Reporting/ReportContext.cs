using MlBuild.Core.Baselines;

namespace MlBuild.Core.Reporting;

/// <summary>
/// Where and from what an evaluation ran, for the report's header and links: the project, the candidate commit,
/// the workflow run and pull request in GitHub Actions, and the lock file's history for the charts. Everything is
/// optional: a report without any of it is still complete, just without links.
/// </summary>
internal sealed record ReportContext
{
    public static readonly ReportContext Unknown = new();

    /// <summary>The project file, relative to the repository's root when it is in one ("samples/Iris/Iris.csproj"):
    /// a repository with several projects gets one report each, and the title tells them apart.</summary>
    public string? Project { get; init; }

    /// <summary>The project's folder in the repository ("samples/Iris/"), for links to its files.</summary>
    public string? ProjectFolderInRepository { get; init; }

    public CommitInfo? Candidate { get; init; }

    /// <summary>"https://github.com/owner/repo", in GitHub Actions.</summary>
    public string? RepositoryUrl { get; init; }

    public string? RunUrl { get; init; }

    public int? PullRequest { get; init; }

    public LockFileHistory? History { get; init; }

    /// <summary>MlBuildGateFailuresAsWarnings: the report says that failures do not fail the build.</summary>
    public bool GateFailuresAsWarnings { get; init; }

    public string? CommitUrl(string sha) => RepositoryUrl is null ? null : $"{RepositoryUrl}/commit/{sha}";

    /// <summary>A link to a line of a file of the project, as the candidate commit has it.</summary>
    public string? FileUrl(string pathInProject, int line)
    {
        if (RepositoryUrl is null || Candidate is null || ProjectFolderInRepository is null
            || pathInProject.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(pathInProject))
            return null;
        var path = string.Join('/', (ProjectFolderInRepository + pathInProject).Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.EscapeDataString));
        return $"{RepositoryUrl}/blob/{Candidate.Sha}/{path}#L{line}";
    }
}

/// <summary>A commit, as the report shows it.</summary>
/// <param name="HasUncommittedChanges">The working tree differs from it (tracked or untracked files): the candidate
/// is that commit plus changes no one else can see.</param>
internal sealed record CommitInfo(string Sha, string ShortSha, bool HasUncommittedChanges = false)
{
    public static CommitInfo Of(string sha, bool hasUncommittedChanges = false) =>
        new(sha, sha[..Math.Min(7, sha.Length)], hasUncommittedChanges);
}
