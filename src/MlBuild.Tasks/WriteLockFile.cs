using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using MlBuild.Core.LockFiles;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Rewrites mlbuild.lock.json from the planned models once every model is in place: entries of up-to-date
/// models are kept as they were, trained and restored ones replaced (keeping the recorded training time of an identical
/// model), undeclared ones dropped. The file is
/// written only when its content changed, so an unchanged build leaves the working tree clean.
/// </summary>
public sealed class WriteLockFile : MsBuildTask
{
    [Required] public string LockFile { get; set; } = "";
    public ITaskItem[] PlannedModels { get; set; } = [];
    /// <summary>MlBuildModels: when the build planned only some models, the others keep their entries (they are
    /// declared still).</summary>
    public string? SelectedModels { get; set; }

    private bool KeepUnplanned => !string.IsNullOrWhiteSpace(SelectedModels);

    public override bool Execute()
    {
        var previous = Core.LockFiles.LockFile.Load(LockFile);
        // Every model up to date and no other in the file: every entry would be kept as it is, so there is nothing to
        // write. A no-op build then leaves the file alone without serializing it (20 ms, a fifth of MlBuild's share
        // of a no-op build of three models).
        if ((KeepUnplanned || PlannedModels.Length == previous.Models.Count)
            && PlannedModels.All(m => m.GetMetadata(PlannedModelMetadata.Action) == ModelAction.UpToDate
                                      && previous.Models.ContainsKey(m.ItemSpec)))
            return true;
        var next = Core.LockFiles.LockFile.Empty();
        if (KeepUnplanned)
            foreach (var (name, entry) in previous.Models)
                next.Models[name] = entry;
        foreach (var model in PlannedModels)
        {
            var action = model.GetMetadata(PlannedModelMetadata.Action);
            if (action == ModelAction.UpToDate && previous.Models.TryGetValue(model.ItemSpec, out var kept))
                next.Models[model.ItemSpec] = kept;
            else
                next.Models[model.ItemSpec] = KeepTrainingTime(new LockEntry((JsonObject)JsonNode.Parse(
                    File.ReadAllText(model.GetMetadata(PlannedModelMetadata.EntryFile)))!),
                    previous.Models.GetValueOrDefault(model.ItemSpec));
        }
        if (next.Save(LockFile))
            Log.LogMessage(MessageImportance.Normal, "Updated {0}", LockFile);
        return true;
    }

    /// <summary>
    /// Training is deterministic: the same fingerprint gives the same model bytes, and only the clock differs. Such a
    /// model (trained again in a fresh clone's empty cache, or restored from a cache another machine filled) keeps the
    /// training time the lock file already records, so the committed file does not change for nothing.
    /// </summary>
    private static LockEntry KeepTrainingTime(LockEntry entry, LockEntry? previous)
    {
        if (previous is not null && previous.Fingerprint == entry.Fingerprint && previous.ModelHash == entry.ModelHash
            && previous.Json["trainingSeconds"] is { } seconds)
            entry.Json["trainingSeconds"] = seconds.DeepClone();
        return entry;
    }
}
