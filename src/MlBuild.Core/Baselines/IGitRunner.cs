namespace MlBuild.Core.Baselines;

/// <summary>Runs git: the seam that lets unit tests stand in for a repository.</summary>
internal interface IGitRunner
{
    /// <summary>Runs <c>git &lt;arguments&gt;</c> in <paramref name="workingDirectory"/> and waits for it.</summary>
    GitResult Run(string workingDirectory, params string[] arguments);
}

/// <summary>What a git command answered. Exit code -1 when git could not be started or timed out.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}
