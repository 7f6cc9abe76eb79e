namespace MlBuild.Core.Diagnostics;

/// <summary>
/// Every error and warning MlBuild reports, by area: 1xxx the MlModel declaration, 2xxx the data (reported by
/// the worker), 3xxx code pipelines and params (worker), 4xxx training runs, the model cache and the lock file,
/// 5xxx evaluation and gates, 6xxx reports.
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
    // MLB2002–MLB2007, MLB1006 and MLB3002–MLB3008 come from the worker (src/MlBuild.Worker/Diagnostics/ErrorCodes.cs).
    public const string WorkerFailed = "MLB4001";
    public const string CorruptCacheEntry = "MLB4002";
    public const string WorkerOutputMissing = "MLB4004";
    public const string CacheUnavailable = "MLB4005";
    public const string LockFileUnreadable = "MLB4006";
    // 5xxx evaluation. MLB5003 and MLB5004 come from the worker. Gates and baselines start at MLB5010 so that the
    // Evaluate target's own declaration codes can take the numbers below.
    public const string UnknownModelReference = "MLB5001";
    public const string SliceWithoutColumn = "MLB5002";
    public const string ExpectationFailed = "MLB5005";
    public const string EvaluationMissing = "MLB5006";
    public const string GateUnknownModel = "MLB5010";
    public const string GateUnknownMetric = "MLB5011";
    public const string GateInvalidValue = "MLB5012";
    public const string GateWithoutThreshold = "MLB5013";
    public const string GateUnknownSlice = "MLB5014";
    public const string GateUnknownMetadata = "MLB5015";
    public const string GateFailed = "MLB5016";
    public const string UngatedRegression = "MLB5017";
    public const string BaselineRefNotFound = "MLB5018";
    public const string BaselineFetchFailed = "MLB5019";
    // 6xxx reports, shared with the mlbuild tool (src/MlBuild.GitHub/Publishing/ReportCodes.cs).
    public const string ReportNotPosted = GitHub.Publishing.ReportCodes.ReportNotPosted;
    public const string ReportPostFailed = GitHub.Publishing.ReportCodes.ReportPostFailed;
    public const string ReportMissing = GitHub.Publishing.ReportCodes.ReportMissing;
    public const string EventPayloadUnreadable = GitHub.Publishing.ReportCodes.EventPayloadUnreadable;
    public const string StepSummaryFull = GitHub.Publishing.ReportCodes.StepSummaryFull;
    // 7xxx model packages (the MlBuildPackage target). MLB7001 and MLB7002 are warnings with MlBuildPackageForce=true.
    public const string PackageGatesFailed = "MLB7001";
    public const string PackageLockMismatch = "MLB7002";
    public const string PackageModelMissing = "MLB7003";
    public const string PackageInvalidIdOrVersion = "MLB7004";
    // MLB7005 comes from the worker's describe command (src/MlBuild.Worker/Describe/DescribeCodes.cs).
    public const string PackageModelUnreadable = "MLB7005";
    public const string PackageDescribeFailed = "MLB7006";
}
