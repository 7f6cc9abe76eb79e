namespace MlBuild.Definitions;

/// <summary>ML.NET's metric names (the properties of its metrics classes): what the worker reports, the lock file
/// records, gates name and reports show. The last three are per class (a multiclass model's class report).
/// Compiled into the runtime library too (internal there), beside <see cref="ModelTasks"/>.</summary>
static partial class MetricNames
{
    public const string Accuracy = "Accuracy";
    public const string AreaUnderRocCurve = "AreaUnderRocCurve";
    public const string AreaUnderPrecisionRecallCurve = "AreaUnderPrecisionRecallCurve";
    public const string F1Score = "F1Score";
    public const string PositivePrecision = "PositivePrecision";
    public const string PositiveRecall = "PositiveRecall";
    public const string NegativePrecision = "NegativePrecision";
    public const string NegativeRecall = "NegativeRecall";
    public const string LogLoss = "LogLoss";
    public const string LogLossReduction = "LogLossReduction";

    public const string MicroAccuracy = "MicroAccuracy";
    public const string MacroAccuracy = "MacroAccuracy";
    public const string TopKAccuracy = "TopKAccuracy";

    public const string RSquared = "RSquared";
    public const string MeanAbsoluteError = "MeanAbsoluteError";
    public const string MeanSquaredError = "MeanSquaredError";
    public const string RootMeanSquaredError = "RootMeanSquaredError";

    public const string Precision = "Precision";
    public const string Recall = "Recall";
    public const string Support = "Support";
}
