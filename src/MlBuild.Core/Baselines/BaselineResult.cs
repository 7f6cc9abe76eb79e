using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Baselines;

internal enum BaselineKind
{
    /// <summary>The baseline lock file's text was found.</summary>
    Found,
    /// <summary>There is no baseline (no git repository, no lock file in that commit): not an error, the report
    /// says so and relative gates are not evaluated.</summary>
    None,
    /// <summary>The baseline asked for cannot be had (a ref that does not exist): an error with a fix.</summary>
    Error,
}

/// <summary>Where the baseline lock file came from, and its text.</summary>
internal sealed record BaselineResult
{
    public required BaselineKind Kind { get; init; }
    /// <summary>The baseline lock file's content (Found only).</summary>
    public string? Text { get; init; }
    /// <summary>For reports: "HEAD (3f2a1b9)", "origin/main (3f2a1b9)", "file ../base.lock.json", or, when there is
    /// none, "none (not a git repository)".</summary>
    public required string Description { get; init; }
    /// <summary>The ref the baseline commit was named by ("HEAD", "origin/main"), when it came from git.</summary>
    public string? Ref { get; init; }
    /// <summary>The baseline commit's full sha, when it came from git.</summary>
    public string? Commit { get; init; }
    /// <summary>The same, abbreviated as git does.</summary>
    public string? ShortCommit { get; init; }
    /// <summary>Why there is no baseline (None), or what is wrong (Error).</summary>
    public string? Reason { get; init; }
    /// <summary>The error's code (Error only).</summary>
    public string? Code { get; init; }

    public static BaselineResult FromGit(string text, string refName, string commit, string shortCommit) => new()
    {
        Kind = BaselineKind.Found, Text = text, Ref = refName, Commit = commit, ShortCommit = shortCommit,
        Description = $"{refName} ({shortCommit})",
    };

    public static BaselineResult FromFile(string text, string path) => new()
    {
        Kind = BaselineKind.Found, Text = text, Description = $"file {path}",
    };

    public static BaselineResult NoBaseline(string reason) => new()
    {
        Kind = BaselineKind.None, Reason = reason, Description = $"none ({reason})",
    };

    public static BaselineResult Failure(string code, string message) => new()
    {
        Kind = BaselineKind.Error, Code = code, Reason = message, Description = "error",
    };
}
