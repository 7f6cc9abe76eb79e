using Microsoft.Build.Framework;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Drift;
using MlBuild.Data.Profiles;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// The drift check: compares new data (MlBuildDriftData) with each model's training profile, the
/// <c>&lt;Name&gt;.profile.json</c> beside its model in the output folder, feature by feature (PSI, and KS for numbers),
/// prints a table per model, and fails with MLB2110 for each feature beyond its model's MaxPsi or MaxKs: the signal
/// that a model should be retrained. The same comparison as <c>mlbuild drift</c> (MlBuild.Data.Drift).
/// </summary>
public sealed class CheckDrift : MsBuildTask
{
    [Required] public ITaskItem[] Models { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    /// <summary>The new data file, relative to the project.</summary>
    public string? DriftData { get; set; }
    /// <summary>The models to check, separated by ';' (default: every model).</summary>
    public string? DriftModels { get; set; }

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
        foreach (var model in Select(declarations))
            Check(model, data);
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

    private void Check(ModelDeclaration model, string data)
    {
        var declaredAt = new Location(model.Location.File, model.Location.Line, model.Location.Column);
        try
        {
            var profile = ProfileJson.Read(Path.Combine(Path.GetFullPath(OutputDirectory), DataProfile.FileName(model.Name)), declaredAt);
            var file = DriftDataReader.Read(data, profile, declaredAt);
            var report = DriftAnalyzer.Compare(profile, file, model.Drift, model.Name);
            foreach (var line in DriftTable.Render(report))
                Log.LogMessage(MessageImportance.High, "{0}", line);
            foreach (var finding in DriftFindings.Of(report, file.Layout.ColumnsAt))
                Report(model.Name, finding);
        }
        catch (MlbException e)
        {
            foreach (var diagnostic in e.Diagnostics)
                Report(model.Name, diagnostic);
        }
    }

    private void Report(string model, Diagnostic diagnostic)
    {
        var at = new SourceLocation(diagnostic.At.File, diagnostic.At.Line, diagnostic.At.Column);
        if (diagnostic.IsError)
            Log.Error(diagnostic.Code, at, $"{model}: {diagnostic.Message}");
        else
            Log.Warning(diagnostic.Code, at, $"{model}: {diagnostic.Message}");
    }
}
