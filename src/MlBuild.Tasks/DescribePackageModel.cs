using Microsoft.Build.Framework;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// Reads a model's input and output schema with the worker's <c>describe</c> command, run like training with the
/// project's own dependencies (<see cref="WorkerToolTask"/>: <c>MlBuild.Worker.dll describe model.zip
/// schema.json</c>): ML.NET reads the schema saved in the model, and never loads into the MSBuild node.
/// </summary>
public sealed class DescribePackageModel : WorkerToolTask
{
    [Required] public string ModelFile { get; set; } = "";
    /// <summary>Where the worker writes the schemas as JSON.</summary>
    [Required] public string SchemaFile { get; set; } = "";

    protected override string WorkerCommand => "describe";
    protected override IEnumerable<string> WorkerArguments => [ModelFile, SchemaFile];
    protected override IEnumerable<(string What, string Path)> RequiredInputs => [("the model", ModelFile)];
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

    public override bool Execute()
    {
        Log.LogMessage(MessageImportance.Normal, "Reading the schema of {0}…", ModelName);
        return base.Execute();
    }

    protected override void LogFailure(string reason) =>
        Log.Error(MlbCodes.PackageDescribeFailed, new SourceLocation(ProjectFile),
            $"{ModelName}: the worker could not read the model's schema ({reason}), so it cannot be packaged. Run the build with -v:detailed to see the worker's output.");
}
