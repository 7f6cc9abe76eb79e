using Microsoft.Build.Framework;
using MlBuild.Core.Baselines;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MlBuild.Core.IO;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Finds the lock file to compare with: the pull request's base branch in GitHub Actions, the last commit
/// locally, or what MlBuildBaseline names (a git ref or a file). Copies it under the intermediate folder for the
/// next tasks. No baseline is not an error: absolute gates still apply and the report says so.
/// </summary>
public sealed class ResolveBaseline : MsBuildTask
{
    [Required] public string LockFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    [Required] public string ProjectFile { get; set; } = "";
    /// <summary>MlBuildBaseline: a git ref or the path of a lock file; empty for the default.</summary>
    public string? Baseline { get; set; }

    /// <summary>The baseline lock file, copied under the intermediate folder; empty when there is no baseline.</summary>
    [Output] public string BaselineLockFile { get; private set; } = "";
    [Output] public string Description { get; private set; } = "";
    /// <summary>The baseline commit's full sha, when the baseline came from git: the report links it, and charts the
    /// lock file's history up to it.</summary>
    [Output] public string BaselineCommit { get; private set; } = "";
    /// <summary>The ref that named the baseline commit ("HEAD", "origin/main"), when it came from git.</summary>
    [Output] public string BaselineRef { get; private set; } = "";

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        var result = new BaselineLocator(new ProcessGitRunner(), Environment.GetEnvironmentVariable)
            .Find(Path.GetFullPath(LockFile), Baseline, projectDirectory);
        Description = result.Description;
        BaselineCommit = result.Commit ?? "";
        BaselineRef = result.Ref ?? "";
        var copy = Path.Combine(IntermediateDirectory, "baseline.lock.json");
        switch (result.Kind)
        {
            case BaselineKind.Found:
                AtomicFile.WriteAllText(copy, result.Text!);
                BaselineLockFile = copy;
                Log.LogMessage(MessageImportance.Normal, "Baseline: {0}", result.Description);
                return true;
            case BaselineKind.None:
                File.Delete(copy);
                Log.LogMessage(MessageImportance.High, "No baseline ({0}): only absolute gates apply.", result.Reason);
                return true;
            default:
                Log.Error(result.Code ?? MlbCodes.BaselineRefNotFound, new SourceLocation(ProjectFile), result.Reason ?? "the baseline cannot be read.");
                return false;
        }
    }
}
