using MlBuild.Core.Baselines;
using MlBuild.Core.Reporting;

namespace MlBuild.Core.Packaging;

/// <summary>
/// Where in version control a package is built: HEAD, whether the working tree differs from it (untracked files count:
/// a new data file is one), the remote's URL without credentials, and the project's path in the repository. Nothing
/// here fails a build: outside a repository, or without git, there is simply no git lineage.
/// </summary>
internal sealed class GitLineageReader(IGitRunner git)
{
    public sealed record Result(GitLineage? Git, string? ProjectPathInRepository);

    public Result Read(string projectFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var prefix = git.Run(directory, "rev-parse", "--show-prefix");
        if (!prefix.Succeeded)
            return new Result(null, null);
        var project = prefix.Output.Trim() + Path.GetFileName(projectFile);
        var head = git.Run(directory, "rev-parse", "--verify", "--quiet", "HEAD");
        var commit = head.Succeeded && GitSha.IsValid(head.Output.Trim()) ? head.Output.Trim() : null;
        var status = git.Run(directory, "status", "--porcelain");
        return new Result(new GitLineage
        {
            Commit = commit,
            Dirty = commit is null || !status.Succeeded || status.Output.Trim().Length > 0,
            Remote = RemoteUrl.Sanitize(Remote(directory)),
        }, project);
    }

    /// <summary>origin's URL, else the first remote's; null when there is none.</summary>
    private string? Remote(string directory)
    {
        var remotes = git.Run(directory, "remote");
        if (!remotes.Succeeded)
            return null;
        var names = remotes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = names.Contains("origin") ? "origin" : names.FirstOrDefault();
        if (name is null)
            return null;
        var url = git.Run(directory, "remote", "get-url", name);
        return url.Succeeded ? url.Output.Trim() : null;
    }
}
