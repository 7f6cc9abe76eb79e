using MlBuild.Definitions;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Protocol;
using MlBuild.Core.Caching;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MlBuild.Core.Hashing;
using MlBuild.Core.IO;
using MlBuild.Core.LockFiles;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Puts one freshly trained or cached model into place: stores a trained model (with its data profile and ONNX export)
/// in the cache, copies the model to the output folder as &lt;Name&gt;.zip, its profile beside it as
/// &lt;Name&gt;.profile.json and its ONNX export as &lt;Name&gt;.onnx, and records its lock entry for
/// <see cref="WriteLockFile"/>. Each file is written beside its destination and renamed over it, so a failure leaves the
/// previous model intact. A file the entry does not record is deleted: no stale profile or ONNX file of another model
/// may stay beside this one.
/// </summary>
public sealed class CommitModel : MsBuildTask
{
    [Required] public ITaskItem Model { get; set; } = null!;
    [Required] public string CacheDirectory { get; set; } = "";
    public string ProjectFile { get; set; } = "";

    public override bool Execute()
    {
        var name = Model.ItemSpec;
        var action = Model.GetMetadata(PlannedModelMetadata.Action);
        var outputFile = Model.GetMetadata(PlannedModelMetadata.OutputFile);
        var entryFile = Model.GetMetadata(PlannedModelMetadata.EntryFile);
        var profileFile = Model.GetMetadata(ProfileFiles.OutputMetadata) is { Length: > 0 } planned
            ? planned
            : ProfileFiles.Beside(outputFile);
        var onnxFile = Model.GetMetadata(OnnxFiles.OutputMetadata) is { Length: > 0 } plannedOnnx
            ? plannedOnnx
            : OnnxFiles.Beside(outputFile);
        LockEntry entry;
        if (action == ModelAction.Restore)
        {
            var cached = Model.GetMetadata(PlannedModelMetadata.CachedModelFile);
            entry = new LockEntry((JsonObject)JsonNode.Parse(File.ReadAllText(
                Path.Combine(Path.GetDirectoryName(cached)!, "entry.json")))!);
            AtomicFile.Copy(cached, outputFile);
            var cachedProfile = Path.Combine(Path.GetDirectoryName(cached)!, ModelCache.ProfileFileName);
            if (entry.ProfileHash is not null && File.Exists(cachedProfile))
                AtomicFile.Copy(cachedProfile, profileFile);
            else
                // A model trained before profiles were written: no stale profile of another model may stay beside it.
                File.Delete(profileFile);
            var cachedOnnx = Path.Combine(Path.GetDirectoryName(cached)!, ModelCache.OnnxFileName);
            if (entry.OnnxHash is not null && File.Exists(cachedOnnx))
                AtomicFile.Copy(cachedOnnx, onnxFile);
            else
                File.Delete(onnxFile);
            Log.LogMessage(MessageImportance.High,
                Model.GetMetadata(PlannedModelMetadata.RestoredFrom) == RestoredFrom.Remote ? "{0} restored from remote cache" : "{0} restored from cache",
                name);
        }
        else
        {
            var trained = CompleteTrainedEntry(name);
            if (trained is null)
                return false;
            entry = trained;
            var trainedModel = Model.GetMetadata(PlannedModelMetadata.TrainedModelFile);
            var trainedProfile = TrainedProfile();
            var trainedOnnx = TrainedOnnx();
            StoreInCache(name, trainedModel, entry, trainedProfile, trainedOnnx);
            AtomicFile.MoveIntoPlace(trainedModel, outputFile);
            if (trainedProfile is not null)
                AtomicFile.MoveIntoPlace(trainedProfile, profileFile);
            else
                File.Delete(profileFile);
            if (trainedOnnx is not null)
                AtomicFile.MoveIntoPlace(trainedOnnx, onnxFile);
            else
                File.Delete(onnxFile);
            File.Delete(Model.GetMetadata(PlannedModelMetadata.ResultFile));
            Log.LogMessage(MessageImportance.High, "{0} trained in {1:0.0} s: {2}", name,
                (double?)entry.Json["trainingSeconds"] ?? 0, DescribeMetrics(entry));
        }
        AtomicFile.WriteAllText(entryFile, StableJson.Serialize(entry.Json));
        return true;
    }

    private LockEntry? CompleteTrainedEntry(string name)
    {
        var trainedModel = Model.GetMetadata(PlannedModelMetadata.TrainedModelFile);
        var resultFile = Model.GetMetadata(PlannedModelMetadata.ResultFile);
        var askedForOnnx = Model.GetMetadata(OnnxFiles.TrainedMetadata) is { Length: > 0 };
        if (!File.Exists(trainedModel) || !File.Exists(resultFile) || (askedForOnnx && TrainedOnnx() is null))
        {
            Log.Error(MlbCodes.WorkerOutputMissing, new SourceLocation(ProjectFile),
                $"{name}: the worker finished without writing the model, its result or its ONNX export ({trainedModel}). This is a bug in MlBuild; the previous model is unchanged.");
            return null;
        }
        var result = JsonSerializer.Deserialize<TrainResult>(File.ReadAllText(resultFile), WorkerJson.Options)!;
        var recipe = (JsonObject)JsonNode.Parse(File.ReadAllText(Model.GetMetadata(PlannedModelMetadata.RecipeFile)))!;
        var size = new FileInfo(trainedModel).Length;
        var schema = new RecordedSchema { Columns = result.Columns, Label = result.Label, Classes = result.Classes };
        var profile = TrainedProfile() is { } profilePath
            ? (ContentHash.OfFile(profilePath), new FileInfo(profilePath).Length)
            : ((string, long)?)null;
        var onnx = TrainedOnnx() is { } onnxPath
            ? (ContentHash.OfFile(onnxPath), new FileInfo(onnxPath).Length)
            : ((string, long)?)null;
        return LockEntry.Complete(recipe, result.Trainer, ContentHash.OfFile(trainedModel), size, result.Metrics,
            result.TrainingSeconds, result.Intervals, schema, profile, onnx);
    }

    /// <summary>The profile the worker wrote for this training run, if it wrote one.</summary>
    private string? TrainedProfile() =>
        Model.GetMetadata(ProfileFiles.TrainedMetadata) is { Length: > 0 } path && File.Exists(path) ? path : null;

    /// <summary>The ONNX export the worker wrote for this training run (ExportOnnx), if it wrote one.</summary>
    private string? TrainedOnnx() =>
        Model.GetMetadata(OnnxFiles.TrainedMetadata) is { Length: > 0 } path && File.Exists(path) ? path : null;

    private void StoreInCache(string name, string trainedModel, LockEntry entry, string? trainedProfile,
        string? trainedOnnx)
    {
        try
        {
            new ModelCache(CacheDirectory).Store(Model.GetMetadata(PlannedModelMetadata.Fingerprint), trainedModel, entry,
                trainedProfile, trainedOnnx);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning(MlbCodes.CacheUnavailable, new SourceLocation(ProjectFile),
                $"{name}: could not store the model in the cache at {CacheDirectory} ({e.Message}); the build goes on without it. Set MlBuildCacheDir or MLBUILD_CACHE_DIR to a writable folder.");
        }
    }

    private static string DescribeMetrics(LockEntry entry) =>
        entry.Json["metrics"] is JsonObject metrics
            ? string.Join(", ", metrics.Select(m => $"{m.Key} {((double?)m.Value ?? double.NaN).ToString("0.####", CultureInfo.InvariantCulture)}"))
            : "";
}
