namespace MlBuild.Worker.Diagnostics;

/// <summary>
/// The codes the worker reports. They share one numbering with the tasks' codes (1xxx declaration, 2xxx data,
/// 3xxx code pipelines and params, 4xxx training runs, 5xxx evaluation): where a meaning already has a code there,
/// the worker reuses it, so a user finds one explanation per code.
/// </summary>
internal static class ErrorCodes
{
    public const string FileNotFound = "MLB1004";
    public const string UnknownTask = "MLB1005";
    public const string UnknownTrainer = "MLB1006";
    public const string InvalidParamsFile = "MLB1007";
    public const string InvalidMetadataValue = "MLB1008";
    public const string PipelineAssemblyMissing = "MLB1010";

    public const string EmptyDataFile = "MLB2001";
    public const string LabelNotFound = "MLB2002";
    public const string UnknownFeature = "MLB2003";
    public const string InvalidValue = "MLB2004";
    public const string UnsuitableLabel = "MLB2005";
    public const string WrongFieldCount = "MLB2006";
    public const string EmptySplit = "MLB2007";

    public const string PipelineTypeNotFound = "MLB3001";
    public const string InvalidPipelineType = "MLB3002";
    public const string PipelineFailed = "MLB3003";
    public const string UnknownParam = "MLB3004";
    public const string InvalidParamValue = "MLB3005";
    public const string MissingTrainerPackage = "MLB3006";

    public const string TrainingFailed = "MLB4003";

    /// <summary>An MlSlice names a column the data does not have.</summary>
    public const string UnknownSliceColumn = "MLB5003";
    /// <summary>A line of an expectation file is not a valid expectation (not JSON, an unknown column, a range for a
    /// classifier…).</summary>
    public const string InvalidExpectation = "MLB5004";
}
