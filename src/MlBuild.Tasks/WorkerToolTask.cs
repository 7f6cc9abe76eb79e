using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// A task that runs one worker command, the way <c>dotnet ef</c> runs a project's code: <c>dotnet exec --depsfile
/// P.deps.json --runtimeconfig P.runtimeconfig.json --roll-forward LatestMajor --additionalprobingpath &lt;NuGet
/// root&gt; MlBuild.Worker.dll &lt;command&gt; &lt;files&gt;</c>, so ML.NET and its natives come from the project and
/// never load into the MSBuild node. The one place that checks what the worker needs before starting it, builds its
/// command line and reads its output; training and evaluation (<see cref="RunWorker"/>) and packaging
/// (<see cref="DescribePackageModel"/>) say only which command, which files and what a failure means.
/// </summary>
public abstract class WorkerToolTask : DotnetExecTask
{
    private const string ProgressPrefix = "mlbuild-progress: ";

    [Required] public string ModelName { get; set; } = "";
    [Required] public string WorkerPath { get; set; } = "";
    [Required] public string DepsFile { get; set; } = "";
    [Required] public string RuntimeConfigFile { get; set; } = "";
    public string[] ProbingPaths { get; set; } = [];
    /// <summary>The project file, for errors that have no better place to point at.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>The worker's command: train, evaluate or describe.</summary>
    protected abstract string WorkerCommand { get; }

    /// <summary>The files the command reads and writes, in the order the worker takes them.</summary>
    protected abstract IEnumerable<string> WorkerArguments { get; }

    /// <summary>The files that must exist before the worker starts (its request, or the model to read).</summary>
    protected abstract IEnumerable<(string What, string Path)> RequiredInputs { get; }

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    /// <summary>
    /// A worker started without its files fails with the dotnet host's own words, far from the cause: a missing
    /// deps.json or runtimeconfig.json means the project was not built (or not as an MlBuild project); a missing
    /// worker, a broken MlBuild package.
    /// </summary>
    protected override bool ValidateParameters()
    {
        if (!base.ValidateParameters())
            return false;
        (string What, string Path, string Remedy)[] needed =
        [
            ("the worker", WorkerPath, "Restore the MlBuild package again (dotnet restore --force)."),
            ("the project's deps.json", DepsFile, "Build the project first (dotnet build)."),
            ("the project's runtimeconfig.json", RuntimeConfigFile,
                "Build the project first; a class library needs GenerateRuntimeConfigurationFiles=true (MlBuild sets it unless the project turns it off)."),
            .. RequiredInputs.Select(input => (input.What, input.Path, "This is a bug in MlBuild: the plan did not write it.")),
        ];
        foreach (var (what, path, remedy) in needed)
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                Log.Error(MlbCodes.WorkerFailed, new SourceLocation(ProjectFile),
                    $"{ModelName}: the worker cannot start: {what} does not exist ({path}). {remedy}");
                return false;
            }
        }
        return true;
    }

    protected override string GenerateCommandLineCommands()
    {
        var line = new CommandLineBuilder();
        line.AppendSwitch("exec");
        line.AppendSwitchIfNotNull("--depsfile ", DepsFile);
        line.AppendSwitchIfNotNull("--runtimeconfig ", RuntimeConfigFile);
        // The worker is built for the newest .NET; a project on an older one still runs it, on the newest runtime
        // installed, with that project's own ML.NET.
        line.AppendSwitchIfNotNull("--roll-forward ", "LatestMajor");
        foreach (var path in ProbingPaths.Where(p => !string.IsNullOrWhiteSpace(p)))
            line.AppendSwitchIfNotNull("--additionalprobingpath ", path.TrimEnd('/', '\\'));
        line.AppendFileNameIfNotNull(WorkerPath);
        line.AppendSwitch(WorkerCommand);
        foreach (var file in WorkerArguments)
            line.AppendFileNameIfNotNull(file);
        return line.ToString();
    }

    /// <summary>The worker's progress lines show at normal verbosity; its <c>file(line): error MLBnnnn: …</c> lines
    /// become build errors through ToolTask's canonical-error parsing.</summary>
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.StartsWith(ProgressPrefix, StringComparison.Ordinal))
            Log.LogMessage(MessageImportance.High, "  {0}", singleLine[ProgressPrefix.Length..]);
        else
            base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    /// <summary>The worker failed without saying why in an MLB error of its own: say what failed, once.</summary>
    protected abstract void LogFailure(string reason);

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
            LogFailure(ExitCode is 137 or -1 or 143
                ? $"the worker was killed (exit code {ExitCode})"
                : $"the worker exited with code {ExitCode}");
        return false;
    }
}
