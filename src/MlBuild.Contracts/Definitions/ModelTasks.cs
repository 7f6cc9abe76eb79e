namespace MlBuild.Definitions;

/// <summary>
/// The tasks an MlModel may declare (its Task metadata, as the lock file and mlmodel.json record them) and the one
/// metric that sums up a model of each: the first row of every report table, what the warning for an ungated
/// regression watches, the worker's one-line summary and a model package's headline metric. Declared in MlBuild.Contracts
/// (public, ModelTasks.Public.cs) and compiled into the runtime library (internal), so that all of them say the same.
/// </summary>
static partial class ModelTasks
{
    public const string BinaryClassification = "BinaryClassification";
    public const string MulticlassClassification = "MulticlassClassification";
    public const string Regression = "Regression";

    public static readonly IReadOnlyList<string> All = [BinaryClassification, MulticlassClassification, Regression];

    /// <summary>The task's primary metric, or null for a name that is no task.</summary>
    public static string? PrimaryMetric(string task) => task switch
    {
        BinaryClassification => MetricNames.AreaUnderRocCurve,
        MulticlassClassification => MetricNames.MacroAccuracy,
        Regression => MetricNames.RSquared,
        _ => null,
    };

    /// <summary>The task's primary metric, and regression's for a name that is no task: what a manifest, a model card
    /// or the worker's summary shows (the report's tables, <see cref="PrimaryMetric"/>, show none).</summary>
    public static string PrimaryMetricOrDefault(string task) => PrimaryMetric(task) ?? MetricNames.RSquared;
}
