using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;
using MlBuild.Definitions;
using MlBuild.Tasks.Diagnostics;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// The drift check's plan: which models to compare with the new data (MlBuildDriftData; MlBuildDriftModels for some
/// of them), each with its training profile (<c>&lt;Name&gt;.profile.json</c> beside its model), its MaxPsi and MaxKs, and
/// the MlModel item that declares it. <see cref="CheckDrift"/> then compares each, in the mlbuild tool.
/// </summary>
public sealed class PlanDriftChecks : MsBuildTask
{
    [Required] public ITaskItem[] Models { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>The new data file, relative to the project.</summary>
    public string? DriftData { get; set; }
    /// <summary>The models to check, separated by ';' (default: every model).</summary>
    public string? DriftModels { get; set; }

    /// <summary>One item per model to check: ProfileFile, DataFile, MaxPsi, MaxKs and DeclaredAt (<c>file(line,col)</c>).</summary>
    [Output] public ITaskItem[] Checks { get; private set; } = [];

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        if (string.IsNullOrWhiteSpace(DriftData))
        {
            Log.Error(MlbCodes.DriftUnavailable, new SourceLocation(ProjectFile),
                "CheckDrift needs the new data to compare with the models' training data: set MlBuildDriftData, e.g. " +
                "dotnet build -t:CheckDrift -p:MlBuildDriftData=data/new.csv");
            return false;
        }
        var data = Path.GetFullPath(Path.Combine(projectDirectory, DriftData.Trim()));
        if (!File.Exists(data))
        {
            Log.Error(MlbCodes.FileNotFound, new SourceLocation(ProjectFile),
                $"MlBuildDriftData names '{DriftData}', which does not exist (looked for {data}): fix the path, relative to the project folder.");
            return false;
        }

        var problems = new List<ModelDeclarationReader.Problem>();
        var declarations = ModelDeclarationReader.Read(Models.ToDeclared(), ProjectFile, projectDirectory, problems);
        foreach (var problem in problems)
            Log.Error(problem.Code, problem.Location, problem.Message);
        Checks = [.. Select(declarations).Select(model => Check(model, data))];
        return !Log.HasLoggedErrors;
    }

    private IEnumerable<ModelDeclaration> Select(IReadOnlyList<ModelDeclaration> declarations)
    {
        var wanted = (DriftModels ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0)
            return declarations;
        var unknown = wanted.Where(w => !declarations.Any(d => string.Equals(d.Name, w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            Log.Error(MlbCodes.DriftUnavailable, new SourceLocation(ProjectFile),
                $"MlBuildDriftModels names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which {(unknown.Count > 1 ? "are" : "is")} " +
                $"not a model of this project (its models: {string.Join(", ", declarations.Select(d => d.Name))}).");
        return declarations.Where(d => wanted.Contains(d.Name, StringComparer.OrdinalIgnoreCase));
    }

    private ITaskItem Check(ModelDeclaration model, string data)
    {
        var at = model.Location;
        var item = new TaskItem(model.Name);
        item.SetMetadata("ProfileFile", Path.Combine(Path.GetFullPath(OutputDirectory), ProfileFileName.Of(model.Name)));
        item.SetMetadata("DataFile", data);
        item.SetMetadata("MaxPsi", model.Drift.MaxPsi.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        item.SetMetadata("MaxKs", model.Drift.MaxKs.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        item.SetMetadata("DeclaredAt", at.Line > 0 ? $"{at.File}({at.Line},{at.Column})" : at.File);
        return item;
    }
}
