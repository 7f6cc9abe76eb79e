namespace MlBuild.Core.Evaluation;

/// <summary>
/// Every metric MlBuild reports: ML.NET's test-set metrics (the names of EvaluationProtocol.cs) and the
/// meta-metrics measured about the model. Names are looked up ignoring case, as MSBuild metadata is typed by hand.
/// The order here is the order of report rows.
/// </summary>
internal static class MetricCatalog
{
    private static readonly string[] Binary = [ModelTasks.BinaryClassification];
    private static readonly string[] Multiclass = [ModelTasks.MulticlassClassification];
    private static readonly string[] Classification = [ModelTasks.BinaryClassification, ModelTasks.MulticlassClassification];
    private static readonly string[] Regression = [ModelTasks.Regression];

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        Scored(MetricNames.AreaUnderRocCurve, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.AreaUnderPrecisionRecallCurve, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.Accuracy, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.F1Score, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.PositivePrecision, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.PositiveRecall, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.NegativePrecision, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.NegativeRecall, MetricDirection.HigherIsBetter, MetricUnit.Rate, Binary),
        Scored(MetricNames.MacroAccuracy, MetricDirection.HigherIsBetter, MetricUnit.Rate, Multiclass),
        Scored(MetricNames.MicroAccuracy, MetricDirection.HigherIsBetter, MetricUnit.Rate, Multiclass),
        Scored(MetricNames.TopKAccuracy, MetricDirection.HigherIsBetter, MetricUnit.Rate, Multiclass),
        // LogLossReduction is 1 - LogLoss / prior LogLoss: at most 1, but negative for a model worse than the prior.
        Scored(MetricNames.LogLoss, MetricDirection.LowerIsBetter, MetricUnit.Number, Classification),
        Scored(MetricNames.LogLossReduction, MetricDirection.HigherIsBetter, MetricUnit.Number, Classification),
        // R² is negative for a model worse than predicting the mean: not a rate.
        Scored(MetricNames.RSquared, MetricDirection.HigherIsBetter, MetricUnit.Number, Regression),
        Scored(MetricNames.MeanAbsoluteError, MetricDirection.LowerIsBetter, MetricUnit.Number, Regression),
        Scored(MetricNames.MeanSquaredError, MetricDirection.LowerIsBetter, MetricUnit.Number, Regression),
        Scored(MetricNames.RootMeanSquaredError, MetricDirection.LowerIsBetter, MetricUnit.Number, Regression),
        Meta(MetaMetrics.PredictionLatencyP50Ms, MetricDirection.LowerIsBetter, MetricUnit.Milliseconds),
        Meta(MetaMetrics.PredictionLatencyP95Ms, MetricDirection.LowerIsBetter, MetricUnit.Milliseconds),
        Meta(MetaMetrics.ThroughputRowsPerSecond, MetricDirection.HigherIsBetter, MetricUnit.RowsPerSecond),
        Meta(MetaMetrics.PeakMemoryBytes, MetricDirection.LowerIsBetter, MetricUnit.Bytes),
        Meta(MetaMetrics.ModelSizeBytes, MetricDirection.LowerIsBetter, MetricUnit.Bytes),
        Meta(MetaMetrics.TrainingSeconds, MetricDirection.LowerIsBetter, MetricUnit.Seconds),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByName =
        All.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> Order =
        All.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    /// <summary>The metric by name, ignoring case; null when there is none of that name.</summary>
    public static MetricDefinition? Find(string name) => ByName.GetValueOrDefault(name.Trim());

    /// <summary>The metric by name, or a definition of unknown direction for a name the catalog does not have, so
    /// that a metric a newer worker reports is still shown.</summary>
    public static MetricDefinition Describe(string name) =>
        Find(name) ?? new MetricDefinition(name, MetricDirection.Unknown, MetricUnit.Number, new HashSet<string>(), IsMeta: false);

    /// <summary>The metrics a model of the task has (its test-set metrics, then the meta-metrics).</summary>
    public static IReadOnlyList<MetricDefinition> ForTask(string task) => All.Where(m => m.AppliesTo(task)).ToList();

    /// <summary>The one metric that sums up a model of the task: the warning for an ungated regression watches it,
    /// and it is the first row of every table.</summary>
    public static MetricDefinition? PrimaryMetric(string task) =>
        ModelTasks.PrimaryMetric(task) is { } name ? ByName[name] : null;

    /// <summary>Report order: the task's primary metric, then the catalog's order, then unknown names by name.</summary>
    public static IEnumerable<MetricDefinition> InReportOrder(IEnumerable<MetricDefinition> metrics, string task)
    {
        var primary = PrimaryMetric(task)?.Name;
        return metrics
            .OrderBy(m => m.Name == primary ? -1 : Order.GetValueOrDefault(m.Name, int.MaxValue))
            .ThenBy(m => m.Name, StringComparer.Ordinal);
    }

    private static MetricDefinition Scored(string name, MetricDirection direction, MetricUnit unit, string[] tasks) =>
        new(name, direction, unit, new HashSet<string>(tasks, StringComparer.Ordinal), IsMeta: false);

    private static MetricDefinition Meta(string name, MetricDirection direction, MetricUnit unit) =>
        new(name, direction, unit, new HashSet<string>(ModelTasks.All, StringComparer.Ordinal), IsMeta: true);
}
