using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.GitHub.Actions;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// Trains (or evaluates) one model in the worker process, with the project's own dependency graph, the way <c>dotnet ef</c>
/// runs a project's code: <c>dotnet exec --depsfile P.deps.json --runtimeconfig P.runtimeconfig.json
/// --additionalprobingpath &lt;NuGet root&gt; MlBuild.Worker.dll train request.json</c>. ML.NET and its native
/// libraries thus never load into the long-lived MSBuild node. Cancelling the build kills the worker; the
/// worker's <c>file(line,col): error MLBnnnn: …</c> lines become build errors.
/// </summary>
public sealed class RunWorker : ToolTask
{
    private const string ProgressPrefix = "mlbuild-progress: ";

    [Required] public string ModelName { get; set; } = "";
    /// <summary>The worker's command: train (the default) or evaluate.</summary>
    public string Command { get; set; } = "train";
    [Required] public string RequestFile { get; set; } = "";
    [Required] public string WorkerPath { get; set; } = "";
    [Required] public string DepsFile { get; set; } = "";
    [Required] public string RuntimeConfigFile { get; set; } = "";
    public string[] ProbingPaths { get; set; } = [];
    /// <summary>The project file, for errors that have no better place to point at.</summary>
    public string ProjectFile { get; set; } = "";

    protected override string ToolName => WorkerInvocation.ToolName;

    // Worker output is not localized; reading it as UTF-8 keeps model and column names intact.
    protected override Encoding StandardOutputEncoding => Encoding.UTF8;
    protected override Encoding StandardErrorEncoding => Encoding.UTF8;
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override string GenerateFullPathToTool() => WorkerInvocation.HostPath();

    // The worker is a short batch process: profile-guided tiering only delays optimized code (measured: the first
    // scoring pass after training ran mostly unoptimized). Results do not change, only when code gets optimized.
    private static readonly string[] RuntimeSettings = ["DOTNET_TieredPGO=0", "DOTNET_TC_CallCountingDelayMs=0"];

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

    private readonly bool _folded = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    // Inside a fold the worker's whole output is shown; otherwise only its progress lines (below) at normal verbosity.
    protected override MessageImportance StandardOutputLoggingImportance => _folded ? MessageImportance.High : MessageImportance.Low;

    protected override string GenerateCommandLineCommands() =>
        WorkerInvocation.CommandLine(DepsFile, RuntimeConfigFile, ProbingPaths, WorkerPath, Command, RequestFile);

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.StartsWith(ProgressPrefix, StringComparison.Ordinal))
            Log.LogMessage(MessageImportance.High, "  {0}", singleLine[ProgressPrefix.Length..]);
        else
            base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
        {
            var reason = ExitCode is 137 or -1 or 143
                ? $"the worker was killed (exit code {ExitCode})"
                : $"the worker exited with code {ExitCode}";
            Log.Error(MlbCodes.WorkerFailed, new SourceLocation(ProjectFile), Command == "evaluate"
                ? $"{ModelName}: evaluation failed: {reason}. Run the build with -v:detailed to see the worker's output."
                : $"{ModelName}: training failed: {reason}. The previous model, cache entry and lock entry are unchanged. Run the build with -v:detailed to see the worker's output.");
        }
        return false;
    }
}
