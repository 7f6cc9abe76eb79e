namespace MlBuild.Diagnostics;

/// <summary>
/// Every MLB code, declared once: its default severity and its title, the words of the README's "Errors" table
/// (a test holds the two together, and finds any code written outside this file). The number says the area; a code
/// keeps its meaning for good, since users suppress warnings with NoWarn and search for errors by code. Declared
/// once in MlBuild.Contracts, which every assembly that reports references: the worker, the tasks, the data layer and the tool say the same.
/// </summary>
public static class MlbCodes
{
    // 1xxx: the MlModel declaration
    [MlbCode(MlbSeverity.Error, "Invalid model name")]
    public const string InvalidModelName = "MLB1001";
    [MlbCode(MlbSeverity.Error, "Two models with one name")]
    public const string DuplicateModelName = "MLB1002";
    [MlbCode(MlbSeverity.Error, "`TrainData` missing")]
    public const string MissingTrainData = "MLB1003";
    [MlbCode(MlbSeverity.Error, "A data or params file does not exist")]
    public const string FileNotFound = "MLB1004";
    [MlbCode(MlbSeverity.Error, "Unknown or missing `Task`")]
    public const string UnknownTask = "MLB1005";
    [MlbCode(MlbSeverity.Error, "Unknown trainer for the task")]
    public const string UnknownTrainer = "MLB1006";
    [MlbCode(MlbSeverity.Error, "The params file is not a JSON object")]
    public const string InvalidParamsFile = "MLB1007";
    [MlbCode(MlbSeverity.Error, "A metadata value that does not parse (`TestFraction`, `Seed`, `HasHeader`, `Separator`, `ExportOnnx`, the data checks' levels and thresholds)")]
    public const string InvalidMetadataValue = "MLB1008";
    [MlbCode(MlbSeverity.Error, "Both `Trainer` and `Pipeline` set")]
    public const string TrainerWithPipeline = "MLB1009";
    [MlbCode(MlbSeverity.Error, "The project assembly holding the pipeline class has not been built")]
    public const string PipelineAssemblyMissing = "MLB1010";
    [MlbCode(MlbSeverity.Error, "A `Label` attribute on `MlModel` (MSBuild keeps it; write `LabelColumn`)")]
    public const string LabelAttribute = "MLB1011";

    // 2xxx: the data (20xx reading, 21xx the data checks before training and the drift check)
    [MlbCode(MlbSeverity.Error, "Empty data file")]
    public const string EmptyDataFile = "MLB2001";
    [MlbCode(MlbSeverity.Error, "Label column not found (the columns found are listed)")]
    public const string LabelNotFound = "MLB2002";
    [MlbCode(MlbSeverity.Error, "Unknown feature column")]
    public const string UnknownFeature = "MLB2003";
    [MlbCode(MlbSeverity.Error, "A value that does not parse in a numeric column (file and line)")]
    public const string InvalidValue = "MLB2004";
    [MlbCode(MlbSeverity.Error, "A label unsuitable for the task (e.g. three classes for binary classification)")]
    public const string UnsuitableLabel = "MLB2005";
    [MlbCode(MlbSeverity.Error, "A row with the wrong number of fields (file and line)")]
    public const string WrongFieldCount = "MLB2006";
    [MlbCode(MlbSeverity.Error, "`TestFraction` leaves no training or no test rows")]
    public const string EmptySplit = "MLB2007";
    [MlbCode(MlbSeverity.Error, "A Parquet column of a type MlBuild cannot read (nested, list, map or binary): the column is named")]
    public const string UnsupportedColumn = "MLB2008";
    [MlbCode(MlbSeverity.Error, "Columns changed since the lock file's schema (at the header line)")]
    public const string SchemaChanged = "MLB2101";
    [MlbCode(MlbSeverity.Error, "A row without a label (at its line)")]
    public const string MissingLabels = "MLB2102";
    [MlbCode(MlbSeverity.Error, "Fewer training rows than `MinRows`")]
    public const string TooFewRows = "MLB2103";
    [MlbCode(MlbSeverity.Warning, "A class below `MinClassShare` (warning)")]
    public const string RareClass = "MLB2104";
    [MlbCode(MlbSeverity.Warning, "A constant feature (warning)")]
    public const string ConstantColumn = "MLB2105";
    [MlbCode(MlbSeverity.Warning, "Test rows also in the training data, beyond coincidence (warning)")]
    public const string Leakage = "MLB2106";
    [MlbCode(MlbSeverity.Warning, "A test feature whose PSI against the training data exceeds `MaxPsi` (warning)")]
    public const string TrainTestShift = "MLB2107";
    [MlbCode(MlbSeverity.Error, "A drifted feature (CheckDrift, `mlbuild drift`)")]
    public const string Drift = "MLB2110";
    [MlbCode(MlbSeverity.Error, "The drift check cannot run (no data, no or unreadable profile, unknown model)")]
    public const string DriftUnavailable = "MLB2111";
    [MlbCode(MlbSeverity.Error, "The new data lacks a feature column")]
    public const string DriftColumnMissing = "MLB2112";

    // 3xxx: code pipelines, trainers and params
    [MlbCode(MlbSeverity.Error, "Pipeline class not found (the classes implementing `IModelPipeline` are listed)")]
    public const string PipelineTypeNotFound = "MLB3001";
    [MlbCode(MlbSeverity.Error, "Pipeline class does not implement `MlBuild.IModelPipeline` or has no public parameterless constructor")]
    public const string InvalidPipelineType = "MLB3002";
    [MlbCode(MlbSeverity.Error, "The pipeline class threw")]
    public const string PipelineFailed = "MLB3003";
    [MlbCode(MlbSeverity.Error, "Unknown param for the trainer (the valid names are listed)")]
    public const string UnknownParam = "MLB3004";
    [MlbCode(MlbSeverity.Error, "A param value of the wrong type")]
    public const string InvalidParamValue = "MLB3005";
    [MlbCode(MlbSeverity.Error, "The trainer needs a package the project does not reference (e.g. Microsoft.ML.LightGbm)")]
    public const string MissingTrainerPackage = "MLB3006";
    [MlbCode(MlbSeverity.Error, "`ExportOnnx` without a reference to Microsoft.ML.OnnxConverter (the message gives the reference to add)")]
    public const string MissingOnnxConverter = "MLB3007";
    [MlbCode(MlbSeverity.Error, "`ExportOnnx`, but a step of the pipeline cannot be converted to ONNX (its position, type and output columns are named)")]
    public const string OnnxConversionFailed = "MLB3008";

    // 4xxx: training runs and MlBuild's other processes, the model cache and the lock file
    [MlbCode(MlbSeverity.Error, "Training failed: the worker exited or was killed")]
    public const string WorkerFailed = "MLB4001";
    [MlbCode(MlbSeverity.Warning, "A damaged cache entry was discarded (warning)")]
    public const string CorruptCacheEntry = "MLB4002";
    [MlbCode(MlbSeverity.Error, "Unexpected failure during training")]
    public const string TrainingFailed = "MLB4003";
    [MlbCode(MlbSeverity.Error, "The worker finished without writing its output")]
    public const string WorkerOutputMissing = "MLB4004";
    [MlbCode(MlbSeverity.Warning, "The model cache cannot be used (warning)")]
    public const string CacheUnavailable = "MLB4005";
    [MlbCode(MlbSeverity.Error, "The lock file is not valid JSON (e.g. a merge conflict)")]
    public const string LockFileUnreadable = "MLB4006";
    [MlbCode(MlbSeverity.Error, "The mlbuild tool the package runs to post reports and check drift is missing, or failed without saying why")]
    public const string ToolFailed = "MLB4007";
    [MlbCode(MlbSeverity.Warning, "The remote cache cannot be reached, timed out or failed: the model is trained locally, and the remote is not asked again in this build (warning)")]
    public const string RemoteCacheUnavailable = "MLB4010";
    [MlbCode(MlbSeverity.Warning, "The remote cache refused the credentials (401/403): the message says which variables to set (warning)")]
    public const string RemoteCacheRefused = "MLB4011";
    [MlbCode(MlbSeverity.Warning, "A remote cache entry was incomplete or did not match its hashes: discarded, never restored (warning)")]
    public const string RemoteCacheEntryInvalid = "MLB4012";
    [MlbCode(MlbSeverity.Error, "`MlBuildRemoteCache` is not an address MlBuild can use (http://, https://, s3://bucket/prefix, azure://container/prefix)")]
    public const string InvalidRemoteCache = "MLB4013";
    [MlbCode(MlbSeverity.Error, "`MlBuildModels` names a model the project does not declare (the declared ones are listed)")]
    public const string UnknownSelectedModel = "MLB4014";

    // 5xxx: evaluation (50xx declarations and results, 501x gates and baselines)
    [MlbCode(MlbSeverity.Error, "An `MlSlice` or `MlExpectation` names no model")]
    public const string UnknownModelReference = "MLB5001";
    [MlbCode(MlbSeverity.Error, "An `MlSlice` without `Column`")]
    public const string SliceWithoutColumn = "MLB5002";
    [MlbCode(MlbSeverity.Error, "An `MlSlice` column the data does not have (the columns are listed)")]
    public const string UnknownSliceColumn = "MLB5003";
    [MlbCode(MlbSeverity.Error, "An expectations line that does not parse, or names an unknown column (file and line)")]
    public const string InvalidExpectation = "MLB5004";
    [MlbCode(MlbSeverity.Error, "A failed expectation (file and line, with the model's answer)")]
    public const string ExpectationFailed = "MLB5005";
    [MlbCode(MlbSeverity.Error, "The worker wrote no evaluation result for a model (a bug in MlBuild)")]
    public const string EvaluationMissing = "MLB5006";
    [MlbCode(MlbSeverity.Error, "An `MlGate` names no model")]
    public const string GateUnknownModel = "MLB5010";
    [MlbCode(MlbSeverity.Error, "Unknown metric, or a metric of another task (the valid ones are listed)")]
    public const string GateUnknownMetric = "MLB5011";
    [MlbCode(MlbSeverity.Error, "A malformed or contradictory threshold (`0,9`, `Min` above `Max`, `MaxDecrease` on a lower-is-better metric…)")]
    public const string GateInvalidValue = "MLB5012";
    [MlbCode(MlbSeverity.Error, "A gate without a threshold")]
    public const string GateWithoutThreshold = "MLB5013";
    [MlbCode(MlbSeverity.Error, "A gate's `Slice` names a column without an `MlSlice`")]
    public const string GateUnknownSlice = "MLB5014";
    [MlbCode(MlbSeverity.Warning, "Unknown gate metadata (warning)")]
    public const string GateUnknownMetadata = "MLB5015";
    [MlbCode(MlbSeverity.Error, "A broken gate")]
    public const string GateFailed = "MLB5016";
    [MlbCode(MlbSeverity.Warning, "A significant regression of the primary metric of a model without gates (warning)")]
    public const string UngatedRegression = "MLB5017";
    [MlbCode(MlbSeverity.Error, "`MlBuildBaseline` is neither a lock file nor a git ref")]
    public const string BaselineRefNotFound = "MLB5018";
    [MlbCode(MlbSeverity.Error, "The pull request's base branch could not be fetched")]
    public const string BaselineFetchFailed = "MLB5019";

    // 6xxx: reports and posting them
    [MlbCode(MlbSeverity.Warning, "The report could not be posted (a fork's read-only token, a bad token, GitHub unreachable…): warning, the report is in the step summary")]
    public const string ReportNotPosted = "MLB6001";
    [MlbCode(MlbSeverity.Error, "The same, as an error, with `MlBuildReportFailOnPostError=true`")]
    public const string ReportPostFailed = "MLB6002";
    [MlbCode(MlbSeverity.Error, "There is no report to publish")]
    public const string ReportMissing = "MLB6003";
    [MlbCode(MlbSeverity.Error, "The GitHub Actions event payload cannot be read")]
    public const string EventPayloadUnreadable = "MLB6004";
    [MlbCode(MlbSeverity.Warning, "The step summary is full (GitHub's 1 MiB) or cannot be written (warning)")]
    public const string StepSummaryFull = "MLB6005";
    [MlbCode(MlbSeverity.Error, "`mlbuild report post` in a `workflow_run`: the pull request's head is not the commit the run built (refused)")]
    public const string HeadShaMismatch = "MLB6006";
    [MlbCode(MlbSeverity.Error, "`mlbuild report post`: unusable arguments or saved reports (different ids without `--report-id`, different pull requests, a bad repository name or `mlbuild-report.json`)")]
    public const string UnusableReports = "MLB6007";
    [MlbCode(MlbSeverity.Error, "`mlbuild report html`: a saved report has no HTML part (`report.html.json`), or it does not parse")]
    public const string HtmlReportUnusable = "MLB6008";

    // 7xxx: model packages
    [MlbCode(MlbSeverity.Error, "Packaging a model whose last evaluation failed its gates or expectations (a warning with `MlBuildPackageForce=true`)")]
    public const string PackageGatesFailed = "MLB7001";
    [MlbCode(MlbSeverity.Error, "Packaging a model whose lock entry does not match its current inputs (a warning with `MlBuildPackageForce=true`)")]
    public const string PackageLockMismatch = "MLB7002";
    [MlbCode(MlbSeverity.Error, "Packaging a model with no lock entry, no trained model in the output folder, or another model than its lock entry records")]
    public const string PackageModelMissing = "MLB7003";
    [MlbCode(MlbSeverity.Error, "A package id or version that NuGet does not accept")]
    public const string PackageInvalidIdOrVersion = "MLB7004";
    [MlbCode(MlbSeverity.Error, "The worker cannot read the model to describe its schema")]
    public const string PackageModelUnreadable = "MLB7005";
    [MlbCode(MlbSeverity.Error, "The worker failed while describing the model's schema")]
    public const string PackageDescribeFailed = "MLB7006";
}
