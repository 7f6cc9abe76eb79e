using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Baselines;

/// <summary>
/// Finds the baseline lock file the Evaluate target compares with:
/// <list type="bullet">
/// <item>MlBuildBaseline naming an existing file: that file;</item>
/// <item>MlBuildBaseline set otherwise: a git ref (branch, tag, sha, HEAD~1…) whose copy of the lock file is read;</item>
/// <item>in a GitHub Actions pull request (GITHUB_ACTIONS=true, GITHUB_BASE_REF set): the base branch's copy,
/// fetched (one commit deep, fine in a shallow clone) when the checkout does not have it;</item>
/// <item>otherwise HEAD's copy: the working tree against the last commit.</item>
/// </list>
/// Git reads the committed file itself (<c>git show &lt;commit&gt;:&lt;path&gt;</c>), so no checkout is touched.
/// </summary>
internal sealed class BaselineLocator
{
    public const string PropertyName = "MlBuildBaseline";

    private readonly IGitRunner _git;
    private readonly Func<string, string?> _environment;

    /// <param name="environment">Reads an environment variable (GITHUB_ACTIONS, GITHUB_BASE_REF); tests pass their own.</param>
    public BaselineLocator(IGitRunner git, Func<string, string?> environment)
    {
        _git = git;
        _environment = environment;
    }

    /// <param name="lockFile">The working tree's lock file (it need not exist yet).</param>
    /// <param name="baseline">The MlBuildBaseline property: a file, a git ref, or empty for the default.</param>
    /// <param name="projectDirectory">What a relative file path in <paramref name="baseline"/> is relative to.</param>
    public BaselineResult Find(string lockFile, string? baseline, string projectDirectory)
    {
        baseline = string.IsNullOrWhiteSpace(baseline) ? null : baseline.Trim();
        string? baselinePath = null;
        if (baseline is not null)
        {
            baselinePath = Path.GetFullPath(Path.Combine(projectDirectory, baseline));
            if (File.Exists(baselinePath))
                return BaselineResult.FromFile(File.ReadAllText(baselinePath), baselinePath);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(lockFile))!;
        if (!Directory.Exists(directory))
            return BaselineResult.NoBaseline($"the lock file's folder {directory} does not exist");
        // The path inside the repository, as git itself resolves the folder: symbolic links (/tmp on macOS,
        // a linked checkout) would make a path computed from --show-toplevel wrong.
        var prefix = _git.Run(directory, "rev-parse", "--show-prefix");
        if (!prefix.Succeeded)
        {
            return baseline is not null
                ? BaselineResult.Failure(MlbCodes.BaselineRefNotFound,
                    $"{PropertyName} is '{baseline}', which is not an existing file (looked for {baselinePath}), and {directory} is not in a git repository, so it cannot be a git ref either. Set it to the path of a baseline lock file, or leave it empty.")
                : BaselineResult.NoBaseline(prefix.ExitCode == -1 ? prefix.Error.Trim() : "not a git repository");
        }
        var repositoryPath = prefix.Output.Trim() + Path.GetFileName(lockFile);

        if (baseline is not null)
            return FromExplicitRef(directory, baseline, baselinePath!, repositoryPath);
        if (_environment("GITHUB_ACTIONS") == "true" && _environment("GITHUB_BASE_REF") is { Length: > 0 } baseBranch)
            return FromPullRequestBase(directory, baseBranch, repositoryPath);
        return Resolve(directory, "HEAD") is { } head
            ? Read(directory, head, "HEAD", repositoryPath)
            : BaselineResult.NoBaseline("the repository has no commit yet");
    }

    private BaselineResult FromExplicitRef(string directory, string reference, string asPath, string repositoryPath)
    {
        // A value starting with '-' would reach git as an option.
        var commit = reference.StartsWith('-') ? null : Resolve(directory, reference);
        string? fetchError = null;
        // "origin/main" in a shallow clone: the branch exists, it has just not been fetched.
        if (commit is null && reference.StartsWith("origin/", StringComparison.Ordinal) && reference.Length > "origin/".Length)
            (commit, fetchError) = Fetch(directory, reference["origin/".Length..]);
        if (commit is null)
        {
            return BaselineResult.Failure(MlbCodes.BaselineRefNotFound,
                $"{PropertyName} is '{reference}', which is neither an existing file (looked for {asPath}) nor a commit, branch or tag of this repository{(fetchError is null ? "" : $" (fetching it failed: {fetchError})")}. " +
                "Set it to a baseline lock file, or to a ref such as origin/main, a tag or HEAD~1 (fetch it first in a shallow clone), or leave it empty to compare with HEAD, or in a GitHub pull request with its base branch.");
        }
        return Read(directory, commit, reference, repositoryPath);
    }

    private BaselineResult FromPullRequestBase(string directory, string baseBranch, string repositoryPath)
    {
        var label = "origin/" + baseBranch;
        var commit = Resolve(directory, "refs/remotes/" + label);
        if (commit is null)
        {
            // actions/checkout fetches one commit of the pull request's merge ref: the base branch is not there.
            (commit, var fetchError) = Fetch(directory, baseBranch);
            if (commit is null)
                return BaselineResult.Failure(MlbCodes.BaselineFetchFailed,
                    $"the pull request's base branch {baseBranch} could not be fetched to compare with ({fetchError}). " +
                    $"Give the job access to origin (actions/checkout with fetch-depth: 0 fetches every branch), or set {PropertyName} to a baseline lock file or ref.");
        }
        return Read(directory, commit, label, repositoryPath);
    }

    /// <summary>Fetches one commit of a branch of origin (no tags, no history): enough to read a file of it.</summary>
    private (string? Commit, string? Error) Fetch(string directory, string branch)
    {
        if (branch.StartsWith('-'))
            return (null, "not a branch name");
        var fetch = _git.Run(directory, "fetch", "--depth=1", "--no-tags", "origin", branch);
        if (!fetch.Succeeded)
            return (null, FirstLine(fetch.Error) ?? $"git fetch exited with {fetch.ExitCode}");
        return (Resolve(directory, "FETCH_HEAD"), null);
    }

    private BaselineResult Read(string directory, string commit, string label, string repositoryPath)
    {
        var shortCommit = _git.Run(directory, "rev-parse", "--short", commit) is { Succeeded: true } abbreviated
            ? abbreviated.Output.Trim()
            : commit[..Math.Min(7, commit.Length)];
        // cat-file -e tells "not in that commit" (a new lock file: no baseline) from a failure to read it.
        if (!_git.Run(directory, "cat-file", "-e", $"{commit}:{repositoryPath}").Succeeded)
            return BaselineResult.NoBaseline($"{repositoryPath} is not in {label} ({shortCommit})");
        var show = _git.Run(directory, "show", $"{commit}:{repositoryPath}");
        if (!show.Succeeded)
            return BaselineResult.NoBaseline($"{repositoryPath} could not be read from {label} ({shortCommit}): {FirstLine(show.Error)}");
        return BaselineResult.FromGit(show.Output, label, commit, shortCommit);
    }

    /// <summary>The full sha of the commit a ref names, or null when there is no such commit.</summary>
    private string? Resolve(string directory, string reference)
    {
        var result = _git.Run(directory, "rev-parse", "--verify", "--quiet", reference + "^{commit}");
        return result.Succeeded && result.Output.Trim() is { Length: > 0 } sha ? sha : null;
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
