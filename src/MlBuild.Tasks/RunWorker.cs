using Microsoft.Build.Framework;
using MlBuild.GitHub.Actions;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// Trains (or evaluates) one model in the worker process, with the project's own dependency graph
/// (<see cref="WorkerToolTask"/>): <c>MlBuild.Worker.dll train request.json</c>. ML.NET and its native libraries thus
/// never load into the long-lived MSBuild node. Cancelling the build kills the worker; the worker's
/// <c>file(line,col): error MLBnnnn: …</c> lines become build errors.
/// </summary>
public sealed class RunWorker : WorkerToolTask
{
    /// <summary>The worker's command: train (the default) or evaluate.</summary>
    public string Command { get; set; } = "train";
    [Required] public string RequestFile { get; set; } = "";

    protected override string WorkerCommand => Command;
    protected override IEnumerable<string> WorkerArguments => [RequestFile];
    protected override IEnumerable<(string What, string Path)> RequiredInputs => [("the worker's request", RequestFile)];

    // The worker is a short batch process: profile-guided tiering only delays optimized code (measured: the first
    // scoring pass after training ran mostly unoptimized). Results do not change, only when code gets optimized.
    private static readonly string[] RuntimeSettings = ["DOTNET_TieredPGO=0", "DOTNET_TC_CallCountingDelayMs=0"];

    private readonly bool _folded = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    // Inside a fold the worker's whole output is shown; otherwise only its progress lines at normal verbosity.
    protected override MessageImportance StandardOutputLoggingImportance => _folded ? MessageImportance.High : MessageImportance.Low;

    public override bool Execute()
    {
        var headline = string.Format(Command == "evaluate" ? "Evaluating {0}…" : "Training {0}…", ModelName);
        EnvironmentVariables =
        [
            .. EnvironmentVariables ?? [],
            .. RuntimeSettings.Where(setting => Environment.GetEnvironmentVariable(setting[..setting.IndexOf('=')]) is null),
        ];
        if (!_folded)
        {
            Log.LogMessage(MessageImportance.High, headline);
            return base.Execute();
        }
        // GitHub Actions folds the whole worker output under the headline: all of it is there when a run needs
        // reading, and none of it is in the way when it does not. Errors still show outside the fold.
        Log.LogMessage(MessageImportance.High, WorkflowCommands.Group(headline));
        try
        {
            return base.Execute();
        }
        finally
        {
            Log.LogMessage(MessageImportance.High, WorkflowCommands.EndGroup());
        }
    }

    protected override void LogFailure(string reason) =>
        Log.Error(MlbCodes.WorkerFailed, new SourceLocation(ProjectFile), Command == "evaluate"
            ? $"{ModelName}: evaluation failed: {reason}. Run the build with -v:detailed to see the worker's output."
            : $"{ModelName}: training failed: {reason}. The previous model, cache entry and lock entry are unchanged. Run the build with -v:detailed to see the worker's output.");
}
