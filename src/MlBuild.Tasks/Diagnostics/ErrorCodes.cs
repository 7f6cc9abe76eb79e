namespace MlBuild.Tasks.Diagnostics;

/// <summary>
/// Every error and warning MlBuild reports, by area: 1xxx the MlModel declaration, 2xxx the data (reported by
/// the worker), 3xxx code pipelines and params (worker), 4xxx training runs, the model cache and the lock file.
/// Codes are stable: users suppress warnings with NoWarn, and search for errors by code.
/// </summary>
internal static class ErrorCodes
{
    public const string InvalidModelName = "MLB1001";
    public const string DuplicateModelName = "MLB1002";
    public const string MissingTrainData = "MLB1003";
    public const string FileNotFound = "MLB1004";
    public const string UnknownTask = "MLB1005";
    public const string InvalidParamsFile = "MLB1007";
    public const string InvalidMetadataValue = "MLB1008";
    public const string TrainerWithPipeline = "MLB1009";
    public const string PipelineAssemblyMissing = "MLB1010";
    public const string LabelAttribute = "MLB1011";
    public const string EmptyDataFile = "MLB2001";
    public const string PipelineTypeNotFound = "MLB3001";
    // MLB2002–MLB2007, MLB1006 and MLB3002–MLB3006 come from the worker (src/MlBuild.Worker/Diagnostics/ErrorCodes.cs).
    public const string WorkerFailed = "MLB4001";
    public const string CorruptCacheEntry = "MLB4002";
    public const string WorkerOutputMissing = "MLB4004";
    public const string CacheUnavailable = "MLB4005";
    public const string LockFileUnreadable = "MLB4006";
}
