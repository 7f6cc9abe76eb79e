namespace MlBuild.Worker.Diagnostics;

/// <summary>
/// The codes the worker reports. They share one numbering with the tasks' codes (1xxx declaration, 2xxx data,
/// 3xxx code pipelines and params, 4xxx training runs, 5xxx evaluation): where a meaning already has a code there,
/// the worker reuses it, so a user finds one explanation per code. The data layer's codes are defined in MlBuild.Data
/// (<see cref="DataCodes"/>), which the worker shares with the mlbuild tool.
/// </summary>
internal static class ErrorCodes
{
    public const string FileNotFound = DataCodes.FileNotFound;
    public const string UnknownTask = "MLB1005";
    public const string UnknownTrainer = "MLB1006";
    public const string InvalidParamsFile = "MLB1007";
    public const string InvalidMetadataValue = DataCodes.InvalidMetadataValue;
    public const string PipelineAssemblyMissing = "MLB1010";

    public const string EmptyDataFile = DataCodes.EmptyDataFile;
    public const string LabelNotFound = DataCodes.LabelNotFound;
    public const string UnknownFeature = DataCodes.UnknownFeature;
    public const string InvalidValue = DataCodes.InvalidValue;
    public const string UnsuitableLabel = DataCodes.UnsuitableLabel;
    public const string WrongFieldCount = DataCodes.WrongFieldCount;
    public const string EmptySplit = "MLB2007";

    // The data checks before training (MlBuild.Data.Checks).
    public const string SchemaChanged = DataCodes.SchemaChanged;
    public const string MissingLabels = DataCodes.MissingLabels;
    public const string TooFewRows = DataCodes.TooFewRows;
    public const string RareClass = DataCodes.RareClass;
    public const string ConstantColumn = DataCodes.ConstantColumn;
    public const string Leakage = DataCodes.Leakage;
    public const string TrainTestShift = DataCodes.TrainTestShift;

    public const string PipelineTypeNotFound = "MLB3001";
    public const string InvalidPipelineType = "MLB3002";
    public const string PipelineFailed = "MLB3003";
    public const string UnknownParam = "MLB3004";
    public const string InvalidParamValue = "MLB3005";
    public const string MissingTrainerPackage = "MLB3006";
    /// <summary>ExportOnnx, but the project does not reference Microsoft.ML.OnnxConverter.</summary>
    public const string MissingOnnxConverter = "MLB3007";
    /// <summary>ExportOnnx, but a transform of the pipeline cannot be converted to ONNX (the message names it).</summary>
    public const string OnnxConversionFailed = "MLB3008";

    public const string TrainingFailed = "MLB4003";

    /// <summary>An MlSlice names a column the data does not have.</summary>
    public const string UnknownSliceColumn = "MLB5003";
    /// <summary>A line of an expectation file is not a valid expectation (not JSON, an unknown column, a range for a
    /// classifier…).</summary>
    public const string InvalidExpectation = "MLB5004";
}
