using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// Reads a model's input and output schema with the worker's <c>describe</c> command, run like training with the
/// project's own dependencies (<c>dotnet exec --depsfile P.deps.json … MlBuild.Worker.dll describe model.zip
/// schema.json</c>): ML.NET reads the schema saved in the model, and never loads into the MSBuild node.
/// </summary>
public sealed class DescribePackageModel : ToolTask
{
    [Required] public string ModelName { get; set; } = "";
    [Required] public string ModelFile { get; set; } = "";
    /// <summary>Where the worker writes the schemas as JSON.</summary>
    [Required] public string SchemaFile { get; set; } = "";
    [Required] public string WorkerPath { get; set; } = "";
    [Required] public string DepsFile { get; set; } = "";
    [Required] public string RuntimeConfigFile { get; set; } = "";
    public string[] ProbingPaths { get; set; } = [];
    /// <summary>The project file, for an error with no better place to point at.</summary>
    public string ProjectFile { get; set; } = "";

    protected override string ToolName => WorkerInvocation.ToolName;

    protected override Encoding StandardOutputEncoding => Encoding.UTF8;
    protected override Encoding StandardErrorEncoding => Encoding.UTF8;
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override string GenerateFullPathToTool() => WorkerInvocation.HostPath();

    public override bool Execute()
    {
        Log.LogMessage(MessageImportance.Normal, "Reading the schema of {0}…", ModelName);
        return base.Execute();
    }

    protected override string GenerateCommandLineCommands() =>
        WorkerInvocation.CommandLine(DepsFile, RuntimeConfigFile, ProbingPaths, WorkerPath, "describe", ModelFile, SchemaFile);

    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
            Log.Error(MlbCodes.PackageDescribeFailed, new SourceLocation(ProjectFile),
                $"{ModelName}: the worker could not read the model's schema (exit code {ExitCode}), so it cannot be packaged. Run the build with -v:detailed to see the worker's output.");
        return false;
    }
}
