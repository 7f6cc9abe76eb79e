namespace MlBuild.Tasks;

/// <summary>What the build does with a model, decided by <see cref="PlanTraining"/>.</summary>
internal static class ModelAction
{
    /// <summary>The fingerprint matches the lock file and the output model is the one recorded there.</summary>
    public const string UpToDate = "UpToDate";
    /// <summary>The model cache has a verified model for the fingerprint: copy it.</summary>
    public const string Restore = "Restore";
    /// <summary>Nothing has this fingerprint yet: run the worker.</summary>
    public const string Train = "Train";
}

/// <summary>Metadata names of the planned-model items that flow between the tasks of the train target.</summary>
internal static class PlannedModelMetadata
{
    public const string Action = "Action";
    public const string Fingerprint = "Fingerprint";
    public const string OutputFile = "OutputFile";
    public const string RecipeFile = "RecipeFile";
    public const string RequestFile = "RequestFile";
    public const string ResultFile = "ResultFile";
    public const string TrainedModelFile = "TrainedModelFile";
    public const string EntryFile = "EntryFile";
    public const string CachedModelFile = "CachedModelFile";
    /// <summary>Where a restored model came from: <see cref="Tasks.RestoredFrom.Remote"/>, or empty for the local cache.</summary>
    public const string RestoredFrom = "RestoredFrom";
}

/// <summary>Values of <see cref="PlannedModelMetadata.RestoredFrom"/>.</summary>
internal static class RestoredFrom
{
    public const string Remote = "remote";
}
