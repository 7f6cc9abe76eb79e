using MlBuild.Core.Baselines;

namespace MlBuild.TestSupport;

/// <summary>
/// A folder for real git repositories. Git runs with an empty global configuration of the sandbox's own (never the
/// user's: a signing hook or another default branch must not change what a test sees), and never looks for a
/// repository above the sandbox.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    private readonly TestDirectory _directory = new();

    public GitSandbox()
    {
        var globalConfig = _directory.Write("empty.gitconfig", "");
        Environment = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_GLOBAL"] = globalConfig,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CEILING_DIRECTORIES"] = _directory.Path,
            // Whatever CI runs the tests, git must not take its identity or directory from there.
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
        };
        Git = new ProcessGitRunner(Environment);
    }

    public string Path => _directory.Path;

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public ProcessGitRunner Git { get; }

    public string File(string relative) => _directory.File(relative);

    public string Write(string relative, string content) => _directory.Write(relative, content);

    /// <summary>A new repository with branch main and a local identity.</summary>
    public string Init(string relative)
    {
        var path = File(relative);
        Directory.CreateDirectory(path);
        Run(path, "init", "-q", "-b", "main");
        Run(path, "config", "user.name", "MlBuild tests");
        Run(path, "config", "user.email", "tests@mlbuild.invalid");
        return path;
    }

    public void Commit(string repository, string message)
    {
        Run(repository, "add", "-A");
        Run(repository, "commit", "-q", "-m", message);
    }

    /// <summary>Runs git and returns its trimmed output; a failure fails the test with git's own words.</summary>
    public string Run(string directory, params string[] arguments)
    {
        var result = Git.Run(directory, arguments);
        if (!result.Succeeded)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output.Trim();
    }

    public void Dispose() => _directory.Dispose();
}

/// <summary>Passes commands on to another runner and remembers them, to show what was (not) run.</summary>
internal sealed class RecordingGitRunner(IGitRunner inner) : IGitRunner
{
    public List<string[]> Commands { get; } = [];

    public GitResult Run(string workingDirectory, params string[] arguments)
    {
        Commands.Add(arguments);
        return inner.Run(workingDirectory, arguments);
    }
}

/// <summary>Answers git commands from a script, for the decisions that need no repository.</summary>
internal sealed class ScriptedGitRunner(Func<string[], GitResult> answer) : IGitRunner
{
    public List<string[]> Commands { get; } = [];

    public GitResult Run(string workingDirectory, params string[] arguments)
    {
        Commands.Add(arguments);
        return answer(arguments);
    }
}
