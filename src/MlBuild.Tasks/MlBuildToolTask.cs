using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// A task that runs the <c>mlbuild</c> tool the package carries in <c>tools/</c>: <c>dotnet exec --roll-forward
/// LatestMajor mlbuild.dll &lt;command&gt; …</c>, on the tool's own dependencies. What needs a library MSBuild should
/// not load (Octokit to post the report, Parquet.Net and the readers to compare new data) runs there, as ML.NET runs in
/// the worker: the package's <c>tasks/</c> folder holds MlBuild's own assemblies and System.IO.Hashing only. The
/// tool's <c>file(line): error MLBnnnn: …</c> lines become build errors at that place (at the project when they name
/// none); the rest of its output shows at normal verbosity.
/// </summary>
public abstract partial class MlBuildToolTask : DotnetExecTask
{
    /// <summary>MlBuildToolPath: the tool's mlbuild.dll.</summary>
    [Required] public string ToolAssembly { get; set; } = "";
    /// <summary>The project file, for errors that name no place of their own.</summary>
    [Required] public string ProjectFile { get; set; } = "";

    /// <summary>The tool's command and its arguments (each one argument, quoted when it needs to be).</summary>
    protected abstract IEnumerable<string> ToolArguments { get; }

    /// <summary>Variables for the tool's process only (a token), set on its start info: ToolTask would log
    /// <see cref="ToolTask.EnvironmentVariables"/>, and a secret must appear in no log.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> SecretEnvironment => [];

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    protected override bool ValidateParameters()
    {
        if (!base.ValidateParameters())
            return false;
        if (File.Exists(ToolAssembly))
            return true;
        Log.Error(MlbCodes.ToolFailed, new SourceLocation(ProjectFile),
            $"The mlbuild tool that the MlBuild package carries does not exist ({ToolAssembly}). Restore the MlBuild package again (dotnet restore --force).");
        return false;
    }

    protected override string GenerateCommandLineCommands()
    {
        var line = new CommandLineBuilder();
        line.AppendSwitch("exec");
        // Built for the newest .NET, like the worker: it runs on the newest runtime installed.
        line.AppendSwitchIfNotNull("--roll-forward ", "LatestMajor");
        line.AppendFileNameIfNotNull(ToolAssembly);
        // Options as they are (AppendFileNameIfNotNull would make "--psi" a file, "./--psi"); values quoted as needed.
        foreach (var argument in ToolArguments)
            if (argument.StartsWith("--", StringComparison.Ordinal))
                line.AppendSwitch(argument);
            else
                line.AppendFileNameIfNotNull(argument);
        return line.ToString();
    }

    protected override ProcessStartInfo GetProcessStartInfo(string pathToTool, string commandLineCommands, string responseFileSwitch)
    {
        var start = base.GetProcessStartInfo(pathToTool, commandLineCommands, responseFileSwitch);
        foreach (var (name, value) in SecretEnvironment)
            start.Environment[name] = value;
        return start;
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var diagnostic = DiagnosticLine().Match(singleLine);
        if (diagnostic.Success)
        {
            var at = diagnostic.Groups["file"].Success
                ? new SourceLocation(diagnostic.Groups["file"].Value, Number(diagnostic.Groups["line"]), Number(diagnostic.Groups["column"]))
                : new SourceLocation(ProjectFile);
            if (diagnostic.Groups["category"].Value == "error")
                Log.Error(diagnostic.Groups["code"].Value, at, diagnostic.Groups["message"].Value);
            else
                Log.Warning(diagnostic.Groups["code"].Value, at, diagnostic.Groups["message"].Value);
        }
        else
        {
            Log.LogMessage(IsDetail(singleLine) ? MessageImportance.Low : messageImportance, "{0}", singleLine);
        }
    }

    /// <summary>A line that shows at detailed verbosity only.</summary>
    protected virtual bool IsDetail(string line) => false;

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>The tool's exit code when it refused (1) without an MLB error of its own: say what failed, once.</summary>
    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
            Log.Error(MlbCodes.ToolFailed, new SourceLocation(ProjectFile),
                $"The mlbuild tool exited with code {ExitCode} without saying why. Run the build with -v:detailed to see its output.");
        return false;
    }

    [GeneratedRegex(@"^(?:(?<file>.+?)(?:\((?<line>\d+)(?:,(?<column>\d+))?\))?: )?(?<category>error|warning) (?<code>MLB\d{4}): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
