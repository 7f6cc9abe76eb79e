using MlBuild.Definitions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Protocol;
using MlBuild.Core.Caching;
using MlBuild.Core.Caching.Remote;
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
/// Decides, for each MlModel, whether it is up to date, can be restored from the model cache, or must be
/// trained, from its fingerprint. Reads no data file whose size and timestamp are unchanged, so that a build
/// with nothing to do costs milliseconds. Writes only under the intermediate folder (requests for the worker).
/// </summary>
public sealed class PlanTraining : MsBuildTask
{
    [Required] public ITaskItem[] Models { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    [Required] public string LockFile { get; set; } = "";
    public string? CacheDirectory { get; set; }
    /// <summary>The built assembly of the project: where code pipelines live.</summary>
    public string? ProjectAssembly { get; set; }
    /// <summary>The project's resolved references (ReferencePath): the versions of the ML.NET packages among them
    /// are part of every fingerprint.</summary>
    public ITaskItem[] References { get; set; } = [];
    /// <summary>Trains without comparing the data's schema with the one the lock file recorded (MLB2101): the way to
    /// accept an intended change of columns once (-p:MlBuildAcceptSchemaChanges=true).</summary>
    public bool AcceptSchemaChanges { get; set; }
    /// <summary>MlBuildModels: the names of the models to build (the rest keep their lock entries); empty for all. A CI
    /// matrix trains each model on a runner of its own this way.</summary>
    public string? SelectedModels { get; set; }
    /// <summary>MlBuildRemoteCache: the remote cache asked on a local miss; empty for none.</summary>
    public string? RemoteCache { get; set; }
    /// <summary>MlBuildRemoteCacheTimeout: seconds to wait for an answer, and for each next piece of a download.</summary>
    public string? RemoteCacheTimeout { get; set; }
    /// <summary>MlBuildRemoteCacheEndpoint: the endpoint of an S3-compatible store.</summary>
    public string? RemoteCacheEndpoint { get; set; }
    /// <summary>MlBuildToolPath: the mlbuild tool, which talks to S3 and Azure.</summary>
    public string ToolAssembly { get; set; } = "";

    [Output] public ITaskItem[] PlannedModels { get; private set; } = [];
    [Output] public string ResolvedCacheDirectory { get; private set; } = "";

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        var problems = new List<ModelDeclarationReader.Problem>();
        var declarations = ModelDeclarationReader.Read(Models.ToDeclared(), ProjectFile, projectDirectory, problems);
        foreach (var problem in problems)
            Log.Error(problem.Code, problem.Location, problem.Message);
        if (!string.IsNullOrWhiteSpace(SelectedModels))
            declarations = Select(declarations);

        Core.LockFiles.LockFile lockFile;
        try
        {
            lockFile = Core.LockFiles.LockFile.Load(LockFile);
        }
        catch (JsonException e)
        {
            Log.Error(MlbCodes.LockFileUnreadable, new SourceLocation(LockFile, (int)(e.LineNumber ?? -1) + 1),
                $"{Path.GetFileName(LockFile)} is not valid JSON ({e.Message}). Resolve the merge conflict, or delete the file: the next build writes it again.");
            return false;
        }

        Directory.CreateDirectory(IntermediateDirectory);
        var files = FileStatCache.Load(Path.Combine(IntermediateDirectory, "filehashes.json"));
        var pipelineHashes = new PipelineHashCache(Path.Combine(IntermediateDirectory, "pipelinehashes.json"), files);
        ResolvedCacheDirectory = Path.GetFullPath(ModelCache.ResolveRoot(CacheDirectory));
        var cache = new ModelCache(ResolvedCacheDirectory);
        var versions = LibraryVersions.FromReferences(References.ToDeclared());
        versions["MlBuild"] = MlBuildVersion.Current;

        var planned = new List<ITaskItem>();
        var misses = new List<LocalMiss>();
        foreach (var model in declarations)
        {
            var outcome = Plan(model, projectDirectory, files, pipelineHashes, cache, lockFile, versions);
            if (outcome.Item is { } item)
                planned.Add(item);
            else if (outcome.Miss is { } miss)
                misses.Add(miss);
        }
        // Only models that missed locally ask the remote cache: an up-to-date build and a local hit make no remote call.
        var restored = misses.Count > 0 ? FetchFromRemote(misses, cache) : [];
        foreach (var miss in misses)
            planned.Add(restored.Contains(miss.Fingerprint) ? RestoreFromRemote(miss, cache) : PrepareTraining(miss));
        var order = declarations.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        planned.Sort((a, b) => order[a.ItemSpec].CompareTo(order[b.ItemSpec]));
        files.Save();
        pipelineHashes.Save();
        PlannedModels = planned.ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>A model that is neither up to date nor in the local cache: the remote cache may have it, else it trains.</summary>
    private sealed record LocalMiss(ModelDeclaration Model, string Fingerprint, JsonObject Recipe, LockEntry? Locked,
        TaskItem Item, string Work);

    /// <summary>The model's item when it is up to date or restored from the local cache; else the miss to look up.</summary>
    private (ITaskItem? Item, LocalMiss? Miss) Plan(ModelDeclaration model, string projectDirectory, FileStatCache files,
        PipelineHashCache pipelineHashes, ModelCache cache, Core.LockFiles.LockFile lockFile,
        IReadOnlyDictionary<string, string> versions)
    {
        var parameters = ReadParams(model);
        if (model.ParamsFile is not null && parameters is null)
            return default;
        string? codeHash = null;
        if (model.Pipeline is not null && (codeHash = HashPipeline(model, pipelineHashes)) is null)
            return default;

        var recipe = ModelRecipe.Describe(model, projectDirectory, files, parameters, codeHash, versions);
        // MissingLabels="warning" leaves unlabeled rows out: another training set, so another model. Recorded only
        // then, so that every other fingerprint stays what it was.
        if (model.DataChecks.MissingLabels == CheckLevel.Warning && recipe["declaration"] is JsonObject declaration)
            declaration["missingLabels"] = "warning";
        var fingerprint = ModelRecipe.Fingerprint(recipe);
        recipe["fingerprint"] = fingerprint;

        var outputFile = Path.Combine(Path.GetFullPath(OutputDirectory), model.Name + ".zip");
        var work = Path.Combine(IntermediateDirectory, model.Name);
        var item = new TaskItem(model.Name);
        item.SetMetadata(PlannedModelMetadata.Fingerprint, fingerprint);
        item.SetMetadata(PlannedModelMetadata.OutputFile, outputFile);
        item.SetMetadata(PlannedModelMetadata.EntryFile, work + ".entry.json");
        var profileFile = ProfileFiles.Beside(outputFile);
        item.SetMetadata(ProfileFiles.OutputMetadata, profileFile);
        var onnxFile = OnnxFiles.Beside(outputFile);
        item.SetMetadata(OnnxFiles.OutputMetadata, onnxFile);

        // Up to date: the model and every file the lock entry records beside it are there, unchanged. A missing one
        // (deleted, or cleaned) brings the whole entry back from the cache.
        lockFile.Models.TryGetValue(model.Name, out var locked);
        bool Recorded(string file, string? hash) => hash is null || (File.Exists(file) && files.GetFacts(file).Hash == hash);
        if (locked?.Fingerprint == fingerprint && File.Exists(outputFile)
            && files.GetFacts(outputFile).Hash == locked.ModelHash
            && Recorded(profileFile, locked.ProfileHash) && Recorded(onnxFile, locked.OnnxHash))
        {
            Log.LogMessage(MessageImportance.High, "{0} is up to date", model.Name);
            item.SetMetadata(PlannedModelMetadata.Action, ModelAction.UpToDate);
            return (item, null);
        }

        var lookup = LookUp(cache, fingerprint, model);
        if (lookup.Result == CacheLookupResult.Hit)
        {
            item.SetMetadata(PlannedModelMetadata.Action, ModelAction.Restore);
            item.SetMetadata(PlannedModelMetadata.CachedModelFile, lookup.ModelPath);
            return (item, null);
        }
        if (lookup.Result == CacheLookupResult.Corrupt)
            Log.Warning(MlbCodes.CorruptCacheEntry, model.Location,
                $"{model.Name}: the cached model for fingerprint {fingerprint} was damaged and has been discarded; training it again.");
        return (null, new LocalMiss(model, fingerprint, recipe, locked, item, work));
    }

    /// <summary>Asks the remote cache for every local miss at once; returns the fingerprints it restored into the local
    /// cache. A fault is the build's one warning, and the models train.</summary>
    private HashSet<string> FetchFromRemote(List<LocalMiss> misses, ModelCache cache)
    {
        var restored = new HashSet<string>(StringComparer.Ordinal);
        var remote = RemoteCacheConnection.Open(BuildEngine, Log, RemoteCache, RemoteCacheTimeout, RemoteCacheEndpoint,
            ToolAssembly, new SourceLocation(ProjectFile));
        if (remote is null || remote.IsDisabled)
            return restored;
        var outcomes = RemoteCacheConnection.Use(remote, Log, r =>
            r.FetchAsync(misses.Select(m => m.Fingerprint).Distinct().ToList(), cache, CancellationToken.None));
        foreach (var outcome in outcomes)
        {
            var model = misses.First(m => m.Fingerprint == outcome.Fingerprint).Model;
            RemoteCacheConnection.Report(remote, outcome, model.Name, Log, model.Location);
            if (outcome.Fetched == RemoteFetchResult.Restored)
                restored.Add(outcome.Fingerprint);
            else if (outcome.Fetched == RemoteFetchResult.Miss)
                Log.LogMessage(MessageImportance.Normal, "{0} is not in the remote cache {1}", model.Name, remote.Address.Display);
        }
        return restored;
    }

    private ITaskItem RestoreFromRemote(LocalMiss miss, ModelCache cache)
    {
        var lookup = cache.Find(miss.Fingerprint);
        if (lookup.Result != CacheLookupResult.Hit)
            return PrepareTraining(miss); // removed again between the download and now (a trim): train
        miss.Item.SetMetadata(PlannedModelMetadata.Action, ModelAction.Restore);
        miss.Item.SetMetadata(PlannedModelMetadata.CachedModelFile, lookup.ModelPath);
        miss.Item.SetMetadata(PlannedModelMetadata.RestoredFrom, RestoredFrom.Remote);
        return miss.Item;
    }

    /// <summary>Writes the worker's request for a model that trains.</summary>
    private ITaskItem PrepareTraining(LocalMiss miss)
    {
        var (model, _, recipe, locked, item, work) = miss;
        var trainedProfile = work + ".profile.json";
        var trainedOnnx = work + ".trained.onnx";
        var request = TrainRequests.For(model, ProjectFile, ProjectAssembly, work + ".trained.zip", work + ".result.json") with
        {
            ProfileOutputPath = trainedProfile,
            OnnxOutputPath = model.ExportOnnx ? trainedOnnx : null,
            PreviousSchema = AcceptSchemaChanges ? null : locked?.Schema,
        };
        // Leftovers of a killed run are never mistaken for this run's output.
        File.Delete(request.ModelOutputPath);
        File.Delete(trainedProfile);
        File.Delete(trainedOnnx);
        File.Delete(request.ResultOutputPath);
        AtomicFile.WriteAllText(work + ".request.json", JsonSerializer.Serialize(request, WorkerJson.Options));
        AtomicFile.WriteAllText(work + ".recipe.json", StableJson.Serialize(recipe));
        item.SetMetadata(PlannedModelMetadata.Action, ModelAction.Train);
        item.SetMetadata(PlannedModelMetadata.RequestFile, work + ".request.json");
        item.SetMetadata(PlannedModelMetadata.RecipeFile, work + ".recipe.json");
        item.SetMetadata(PlannedModelMetadata.ResultFile, request.ResultOutputPath);
        item.SetMetadata(PlannedModelMetadata.TrainedModelFile, request.ModelOutputPath);
        item.SetMetadata(ProfileFiles.TrainedMetadata, trainedProfile);
        if (request.OnnxOutputPath is not null)
            item.SetMetadata(OnnxFiles.TrainedMetadata, request.OnnxOutputPath);
        return item;
    }

    /// <summary>The declarations MlBuildModels names, in the project's order; an unknown name is an error that lists the
    /// declared ones.</summary>
    private IReadOnlyList<ModelDeclaration> Select(IReadOnlyList<ModelDeclaration> declarations)
    {
        var names = SelectedModels!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var unknown in names.Where(n => !declarations.Any(d => d.Name == n)))
            Log.Error(MlbCodes.UnknownSelectedModel, new SourceLocation(ProjectFile),
                $"MlBuildModels names '{unknown}', which this project does not declare. Its models are: {string.Join(", ", declarations.Select(d => d.Name))}.");
        return declarations.Where(d => names.Contains(d.Name, StringComparer.Ordinal)).ToList();
    }

    private CacheLookup LookUp(ModelCache cache, string fingerprint, ModelDeclaration model)
    {
        try
        {
            return cache.Find(fingerprint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning(MlbCodes.CacheUnavailable, model.Location,
                $"{model.Name}: the model cache at {ResolvedCacheDirectory} cannot be read ({e.Message}); training without it. Set MlBuildCacheDir or MLBUILD_CACHE_DIR to a writable folder.");
            return CacheLookup.Miss;
        }
    }

    /// <summary>The params file's values, keys sorted; null (with an error logged) when it is not a JSON object.</summary>
    private JsonObject? ReadParams(ModelDeclaration model)
    {
        if (model.ParamsFile is null)
            return null;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(model.ParamsFile)) is JsonObject parameters)
                return parameters;
            Log.Error(MlbCodes.InvalidParamsFile, new SourceLocation(model.ParamsFile, 1),
                $"{model.Name}: the params file must hold a JSON object of hyperparameters, e.g. {{ \"NumberOfTrees\": 100 }}.");
        }
        catch (JsonException e)
        {
            Log.Error(MlbCodes.InvalidParamsFile, new SourceLocation(model.ParamsFile, (int)(e.LineNumber ?? -1) + 1),
                $"{model.Name}: the params file is not valid JSON: {e.Message} Fix it, or remove the Params metadata.");
        }
        return null;
    }

    private string? HashPipeline(ModelDeclaration model, PipelineHashCache pipelineHashes)
    {
        if (string.IsNullOrEmpty(ProjectAssembly) || !File.Exists(ProjectAssembly))
        {
            Log.Error(MlbCodes.PipelineAssemblyMissing, model.Location,
                $"{model.Name}: the project's assembly ({ProjectAssembly}) that holds the pipeline class {model.Pipeline} has not been built. Run the Build target first (dotnet build trains after building).");
            return null;
        }
        try
        {
            return pipelineHashes.Get(ProjectAssembly, model.Pipeline!);
        }
        catch (PipelineTypeNotFoundException e)
        {
            Log.Error(MlbCodes.PipelineTypeNotFound, model.Location, $"{model.Name}: {e.Message}");
            return null;
        }
    }
}
