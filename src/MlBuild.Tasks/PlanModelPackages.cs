using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Hashing;
using MlBuild.Core.IO;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Packaging;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Decides, for each MlModel, whether it may be packaged and as what: its package id and version, its lock entry (the
/// lineage), the last evaluation's verdict on this very model. Refuses, at the MlModel item, a model whose gates failed
/// (MLB7001) or whose lock entry no longer matches its inputs (MLB7002) unless forced, and always one without a trained
/// model matching its lock entry (MLB7003) or with an invalid id or version (MLB7004). Says which models the worker
/// must describe (their schemas are cached by model hash).
/// </summary>
public sealed class PlanModelPackages : MsBuildTask
{
    [Required] public ITaskItem[] Models { get; set; } = [];
    /// <summary>PlanTraining's items: each model's current fingerprint.</summary>
    public ITaskItem[] PlannedModels { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string LockFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    /// <summary>Where the build put the models (&lt;Name&gt;.zip), and any .onnx and .profile.json beside them.</summary>
    [Required] public string OutputDirectory { get; set; } = "";
    [Required] public string PackageIdPrefix { get; set; } = "";
    /// <summary>The project's PackageVersion (or Version): every model's version unless its item sets PackageVersion.</summary>
    public string? ProjectVersion { get; set; }
    /// <summary>MlBuildPackageForce: failed gates and a stale lock entry are warnings, and the manifest says so.</summary>
    public bool Force { get; set; }

    [Output] public ITaskItem[] PackagedModels { get; private set; } = [];

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        Core.LockFiles.LockFile lockFile;
        try
        {
            lockFile = Core.LockFiles.LockFile.Load(LockFile);
        }
        catch (JsonException e)
        {
            Log.Error(MlbCodes.LockFileUnreadable, new SourceLocation(LockFile, (int)(e.LineNumber ?? -1) + 1),
                $"{Path.GetFileName(LockFile)} is not valid JSON ({e.Message}). Resolve the merge conflict, or delete the file and build: the build writes it again.");
            return false;
        }
        var planned = PlannedModels.ToDictionary(p => p.ItemSpec, StringComparer.Ordinal);
        var elements = ItemLocator.ReadAll(ProjectFile, "MlModel");
        var evaluation = EvaluationRecord.Read(IntermediateDirectory);
        var files = FileStatCache.Load(Path.Combine(IntermediateDirectory, "filehashes.json"));
        var packaged = new List<ITaskItem>();
        foreach (var model in Models)
        {
            // A model with a declaration error has no plan: PlanTraining reported it already.
            if (!planned.TryGetValue(model.ItemSpec, out var plan))
                continue;
            if (string.Equals(model.GetMetadata(PackageMetadata.ItemPackage).Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                Log.LogMessage(MessageImportance.Normal, "{0} is not packaged (Package=\"false\")", model.ItemSpec);
                continue;
            }
            var item = PlanOne(model, plan, elements.First(model.ItemSpec).Location, lockFile, evaluation, files, projectDirectory);
            if (item is not null)
                packaged.Add(item);
        }
        files.Save();
        PackagedModels = packaged.ToArray();
        return !Log.HasLoggedErrors;
    }

    private ITaskItem? PlanOne(ITaskItem model, ITaskItem plan, SourceLocation at, Core.LockFiles.LockFile lockFile,
        EvaluationRecord evaluation, FileStatCache files, string projectDirectory)
    {
        var name = model.ItemSpec;
        var refused = false;
        var forced = new List<string>();
        void Error(string code, string message)
        {
            Log.Error(code, at, message);
            refused = true;
        }
        void Refuse(string code, string message)
        {
            if (Force)
            {
                Log.Warning(code, at, message + " Packaged anyway (MlBuildPackageForce=true); the manifest and model card say so.");
                forced.Add($"{code}: {message}");
            }
            else
            {
                Error(code, message + " Or set MlBuildPackageForce=true to package it anyway (the manifest and model card will say so).");
            }
        }

        var packageId = Meta(model, PackageMetadata.ItemPackageId) ?? PackageIdPrefix + name;
        if (!PackageNames.IsValidId(packageId))
            Error(MlbCodes.PackageInvalidIdOrVersion,
                $"{name}: '{packageId}' is not a valid NuGet package id (letters, digits and '_', in parts separated by '.' or '-'; at most 100 characters). Set MlBuildPackageIdPrefix, or the item's PackageId metadata.");
        var version = Meta(model, PackageMetadata.ItemPackageVersion) ?? NullIfEmpty(ProjectVersion) ?? "1.0.0";
        if (!PackageNames.IsValidVersion(version))
            Error(MlbCodes.PackageInvalidIdOrVersion,
                $"{name}: '{version}' is not a valid package version (SemVer, such as 1.2.0 or 1.2.0-beta.1). Set the project's Version, or the item's PackageVersion metadata.");

        var modelFile = plan.GetMetadata(PlannedModelMetadata.OutputFile) is { Length: > 0 } output
            ? output : Path.Combine(OutputDirectory, name + ".zip");
        if (!lockFile.Models.TryGetValue(name, out var entry))
        {
            Log.Error(MlbCodes.PackageModelMissing, at,
                $"{name} has not been trained: {Path.GetFileName(LockFile)} has no entry for it. Build the project (dotnet build trains it), then package.");
            return null;
        }
        if (!File.Exists(modelFile))
        {
            Log.Error(MlbCodes.PackageModelMissing, at,
                $"{name}: there is no trained model at {modelFile}. Build the project (dotnet build trains it or restores it from the cache), then package.");
            return null;
        }
        var modelHash = files.GetFacts(modelFile).Hash;
        if (modelHash != entry.ModelHash)
        {
            Log.Error(MlbCodes.PackageModelMissing, at,
                $"{name}: {modelFile} is not the model {Path.GetFileName(LockFile)} records (its hash is {modelHash}, the lock entry's {entry.ModelHash}), so its lineage is unknown. Build the project to put the recorded model back (or to train the current one), then package.");
            return null;
        }

        var fingerprint = plan.GetMetadata(PlannedModelMetadata.Fingerprint);
        if (!string.IsNullOrEmpty(fingerprint) && entry.Fingerprint != fingerprint)
            Refuse(MlbCodes.PackageLockMismatch,
                $"{name}: the lock entry does not match the model's current inputs ({StaleInputs(entry, files, projectDirectory)}): " +
                $"the model in the output folder (fingerprint {entry.Fingerprint}) was not trained from them (fingerprint {fingerprint}). " +
                "Build the project without NoBuild=true to train it from the current inputs, then package.");

        var verdict = evaluation.For(name, entry.Fingerprint ?? "");
        if (verdict.Passed == false)
            Refuse(MlbCodes.PackageGatesFailed,
                $"{name}: the last evaluation of this model failed ({string.Join("; ", verdict.Failures)}), and a model that fails its gates is not packaged. " +
                "Improve the model (or change the gate) and run dotnet build -t:Evaluate again.");
        else if (verdict.Passed is null)
            Log.LogMessage(MessageImportance.Normal, "{0}: not evaluated ({1}); the manifest says so", name, verdict.Summary.Reason);
        if (refused)
            return null;

        var staging = Path.Combine(IntermediateDirectory, "package", name);
        var companion = (string extension) => Path.Combine(Path.GetDirectoryName(modelFile)!, name + extension) is var path && File.Exists(path) ? path : null;
        var packagePlan = new PackagePlan
        {
            Name = name,
            PackageId = packageId,
            Version = version,
            ProjectFile = Path.GetFullPath(ProjectFile),
            ModelFile = modelFile,
            OnnxFile = companion(".onnx"),
            ProfileFile = companion(".profile.json"),
            Description = Meta(model, PackageMetadata.ItemDescription),
            LockEntry = (JsonObject)entry.Json.DeepClone(),
            Evaluation = verdict.Summary,
            Forced = forced,
        };
        var planFile = Path.Combine(staging, "plan.json");
        packagePlan.Save(planFile);

        var item = new TaskItem(name);
        item.SetMetadata(PackageMetadata.PlanFile, planFile);
        item.SetMetadata(PackageMetadata.ModelFile, modelFile);
        item.SetMetadata(PackageMetadata.PackageId, packageId);
        item.SetMetadata(PackageMetadata.PackageVersion, version);
        item.SetMetadata(PackageMetadata.StagingDirectory, staging + Path.DirectorySeparatorChar);
        var schemaFile = Path.Combine(staging, "schema.json");
        item.SetMetadata(PackageMetadata.SchemaFile, schemaFile);
        item.SetMetadata(PackageMetadata.Describe, NeedsDescribing(schemaFile, entry.ModelHash ?? "") ? "true" : "false");
        return item;
    }

    /// <summary>The worker reads a model's schemas once per model hash: a schema.json is kept beside a stamp of the
    /// hash it describes. The stamp is written before the worker runs, so a failed run leaves no schema to trust.</summary>
    private static bool NeedsDescribing(string schemaFile, string modelHash)
    {
        var stamp = schemaFile + ".modelhash";
        if (File.Exists(schemaFile) && File.Exists(stamp) && File.ReadAllText(stamp).Trim() == modelHash)
            return false;
        File.Delete(schemaFile);
        AtomicFile.WriteAllText(stamp, modelHash);
        return true;
    }

    /// <summary>Which recorded inputs differ from the files now, for the message.</summary>
    private static string StaleInputs(LockEntry entry, FileStatCache files, string projectDirectory)
    {
        var changed = new List<string>();
        foreach (var input in entry.Inputs())
        {
            var path = Path.GetFullPath(Path.Combine(projectDirectory, input.Path));
            if (!File.Exists(path))
                changed.Add($"{input.Path} is gone");
            else if (files.GetFacts(path).Hash != input.Hash)
                changed.Add($"{input.Path} changed");
        }
        return changed.Count > 0
            ? string.Join(", ", changed)
            : "its declaration, params, pipeline code or library versions changed";
    }

    private static string? Meta(ITaskItem item, string name) =>
        item.GetMetadata(name) is { Length: > 0 } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
