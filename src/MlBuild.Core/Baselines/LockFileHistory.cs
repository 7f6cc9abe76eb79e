using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Baselines;

/// <summary>One committed version of the lock file: the commit that wrote it, and its models' entries.</summary>
internal sealed record LockFileVersion(string Commit, string ShortCommit, IReadOnlyDictionary<string, LockEntry> Models);

/// <summary>
/// The last versions of the lock file on the baseline's branch, oldest first: what the report charts each model's
/// primary metric over. Only first parents are followed, so the points are the branch's own commits (its merges),
/// not those of the branches merged into it. The chart is a nicety: whatever goes wrong (no git, a shallow clone,
/// a version that is not valid JSON) gives fewer versions and a note, never an exception or a failed build.
/// </summary>
internal sealed class LockFileHistory
{
    public const int DefaultLength = 10;

    private LockFileHistory(IReadOnlyList<LockFileVersion> versions, string? note)
    {
        Versions = versions;
        Note = note;
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<LockFileVersion> Versions { get; }

    /// <summary>Why there is less history than asked for, as a clause for the report ("the clone is shallow…");
    /// null when nothing is missing.</summary>
    public string? Note { get; }

    public static LockFileHistory None(string reason) => new([], reason);

    /// <summary>A history already at hand (tests, a report rendered again).</summary>
    public static LockFileHistory Of(IReadOnlyList<LockFileVersion> versions, string? note = null) => new(versions, note);

    /// <param name="lockFile">The working tree's lock file: its path in the repository is the path followed.</param>
    /// <param name="commit">The baseline commit: the history ends with the version it has.</param>
    /// <param name="length">How many versions at most.</param>
    public static LockFileHistory Read(IGitRunner git, string lockFile, string commit, int length = DefaultLength)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(lockFile))!;
        // A value starting with '-' would reach git as an option.
        if (!Directory.Exists(directory) || commit.Length == 0 || commit.StartsWith('-'))
            return None("there is no baseline commit to follow");
        // The path in the repository as git resolves the folder, as BaselineLocator does (symbolic links).
        var prefix = git.Run(directory, "rev-parse", "--show-prefix");
        if (!prefix.Succeeded)
            return None("the project is not in a git repository");
        var path = prefix.Output.Trim() + Path.GetFileName(lockFile);

        // A pathspec is relative to the working directory (the lock file's folder); "commit:path" is not.
        var log = git.Run(directory, "log", "--first-parent", "-n", length.ToString(CultureInfo.InvariantCulture),
            "--format=%H %h", commit, "--", Path.GetFileName(lockFile));
        if (!log.Succeeded)
            return None($"git log failed ({FirstLine(log.Error) ?? $"exit code {log.ExitCode}"})");

        var versions = new List<LockFileVersion>();
        foreach (var (sha, shortSha) in Commits(log.Output).Reverse())
        {
            // A commit that deleted the lock file, or left it unreadable (a committed merge conflict), is no point.
            var show = git.Run(directory, "show", $"{sha}:{path}");
            if (show.Succeeded && Models(show.Output) is { } models)
                versions.Add(new LockFileVersion(sha, shortSha, models));
        }

        string? note = null;
        if (versions.Count < length && git.Run(directory, "rev-parse", "--is-shallow-repository") is { Succeeded: true } shallow
            && shallow.Output.Trim() == "true")
            note = "the clone is shallow, so earlier commits are not available (fetch-depth: 0 in actions/checkout fetches them)";
        return new LockFileHistory(versions, note);
    }

    // "%H %h" lines, newest first. Anything else git may print (a signature check a user's configuration turns on)
    // is not a commit line and is skipped.
    private static IEnumerable<(string Sha, string Short)> Commits(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiHexDigitLower)))
            .Select(parts => (parts[0], parts[1]));

    private static Dictionary<string, LockEntry>? Models(string text)
    {
        try
        {
            var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
            if (root is not JsonObject { } json || json["models"] is not JsonObject models)
                return null;
            return models.Where(m => m.Value is JsonObject)
                .ToDictionary(m => m.Key, m => new LockEntry((JsonObject)m.Value!.DeepClone()), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
