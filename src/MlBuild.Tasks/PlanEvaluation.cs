using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Protocol;
using MlBuild.Core.Caching;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MlBuild.Core.Fingerprints;
using MlBuild.Core.Hashing;
using MlBuild.Core.IO;
using MlBuild.Core.LockFiles;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Decides, for each trained model, whether its evaluation is already known (the same candidate model, baseline
/// model, test data, slices and expectations were evaluated before: the result is reused) or the worker must
/// evaluate it, and writes the worker's requests. The baseline model is the one the baseline lock file records,
/// taken from the model cache when it is there, so that deltas are paired comparisons on the same rows.
/// </summary>
public sealed class PlanEvaluation : MsBuildTask
{
    [Required] public ITaskItem[] Models { get; set; } = [];
    public ITaskItem[] Slices { get; set; } = [];
    public ITaskItem[] Expectations { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    [Required] public string LockFile { get; set; } = "";
    [Required] public string CacheDirectory { get; set; } = "";
    public string? ProjectAssembly { get; set; }
    /// <summary>The baseline's lock file as resolved by <see cref="ResolveBaseline"/>; empty when there is none.</summary>
    public string? BaselineLockFile { get; set; }
    public int BootstrapSamples { get; set; } = 1000;

    [Output] public ITaskItem[] Evaluations { get; private set; } = [];

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        var problems = new List<ModelDeclarationReader.Problem>();
        var models = ModelDeclarationReader.Read(Models.ToDeclared(), ProjectFile, projectDirectory, problems);
        var names = models.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var slices = EvaluationDeclarations.ReadSlices(Slices.ToDeclared(), ProjectFile, names, problems);
        var expectations = EvaluationDeclarations.ReadExpectations(Expectations.ToDeclared(), ProjectFile, projectDirectory, names, problems);
        foreach (var problem in problems)
            Log.Error(problem.Code, problem.Location, problem.Message);
        if (Log.HasLoggedErrors)
            return false;

        var current = Core.LockFiles.LockFile.Load(LockFile);
        var baseline = string.IsNullOrEmpty(BaselineLockFile) ? null : Core.LockFiles.LockFile.Load(BaselineLockFile);
        var cache = new ModelCache(CacheDirectory);
        var files = FileStatCache.Load(Path.Combine(IntermediateDirectory, "filehashes.json"));
        var evaluations = new List<ITaskItem>();
        foreach (var model in models)
        {
            if (!current.Models.TryGetValue(model.Name, out var candidate))
                continue;
            LockEntry? baselineEntry = null;
            baseline?.Models.TryGetValue(model.Name, out baselineEntry);
            evaluations.Add(Plan(model, candidate, baselineEntry, cache, files,
                slices.GetValueOrDefault(model.Name) ?? [], expectations.GetValueOrDefault(model.Name) ?? []));
        }
        files.Save();
        Evaluations = evaluations.ToArray();
        return !Log.HasLoggedErrors;
    }

    private TaskItem Plan(ModelDeclaration model, LockEntry candidate, LockEntry? baseline, ModelCache cache,
        FileStatCache files, List<SliceRequest> slices, List<ExpectationRequest> expectations)
    {
        // An unchanged model needs no paired run: its baseline values are its own.
        string? baselineModel = null;
        if (baseline?.Fingerprint is { } baselineFingerprint && baselineFingerprint != candidate.Fingerprint
            && cache.Find(baselineFingerprint) is { Result: CacheLookupResult.Hit } hit)
            baselineModel = hit.ModelPath;

        var modelFile = Path.Combine(Path.GetFullPath(OutputDirectory), model.Name + ".zip");
        var profile = ProfileFiles.Beside(modelFile);
        var key = new JsonObject
        {
            ["mlbuild"] = MlBuildVersion.Current,
            ["result"] = EvaluateResult.FormatVersion,
            // The report's feature distributions compare the test rows with it.
            ["profile"] = File.Exists(profile) ? files.GetFacts(profile).Hash : null,
            ["model"] = candidate.ModelHash,
            ["baselineModel"] = baselineModel is null ? null : baseline!.ModelHash,
            ["inputs"] = candidate.Json["inputs"]?.DeepClone(),
            ["bootstrapSamples"] = BootstrapSamples,
            ["slices"] = new JsonArray(slices.Select(s => (JsonNode?)new JsonObject { ["column"] = s.Column, ["maxValues"] = s.MaxValues }).ToArray()),
            ["expectations"] = new JsonArray(expectations.Select(e => (JsonNode?)files.GetFacts(e.File).Hash).ToArray()),
        };
        var evaluationKey = ModelRecipe.Fingerprint(key);
        var cachedResult = Path.Combine(Path.GetFullPath(CacheDirectory), "v1", "evaluations", evaluationKey[..2], evaluationKey + ".json");

        var item = new TaskItem(model.Name);
        item.SetMetadata(EvaluationMetadata.Paired, baselineModel is null ? "false" : "true");
        item.SetMetadata(EvaluationMetadata.CachedResultFile, cachedResult);
        if (File.Exists(cachedResult))
        {
            item.SetMetadata(EvaluationMetadata.Action, EvaluationAction.Cached);
            item.SetMetadata(EvaluationMetadata.ResultFile, cachedResult);
            Log.LogMessage(MessageImportance.Normal, "{0}: evaluation reused (same model, baseline and test data)", model.Name);
            return item;
        }

        var work = Path.Combine(IntermediateDirectory, model.Name);
        var request = new EvaluateRequest
        {
            Data = TrainRequests.For(model, ProjectFile, ProjectAssembly, work + ".unused.zip", work + ".unused.json"),
            Schema = candidate.Schema,
            ModelPath = modelFile,
            ProfilePath = File.Exists(profile) ? profile : null,
            BaselineModelPath = baselineModel,
            BootstrapSamples = BootstrapSamples,
            Slices = slices,
            Expectations = expectations,
            ResultOutputPath = work + ".evaluation.json",
        };
        File.Delete(request.ResultOutputPath);
        AtomicFile.WriteAllText(work + ".evaluate-request.json", JsonSerializer.Serialize(request, WorkerJson.Options));
        item.SetMetadata(EvaluationMetadata.Action, EvaluationAction.Evaluate);
        item.SetMetadata(EvaluationMetadata.RequestFile, work + ".evaluate-request.json");
        item.SetMetadata(EvaluationMetadata.ResultFile, request.ResultOutputPath);
        return item;
    }
}
