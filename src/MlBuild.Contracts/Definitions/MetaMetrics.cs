namespace MlBuild.Definitions;

/// <summary>The names of the meta-metrics: measured about the model rather than scored on its test rows. The
/// first four the worker measures (EvaluateResult.Meta); the last two from the lock file.</summary>
public static class MetaMetrics
{
    public const string PredictionLatencyP50Ms = "PredictionLatencyP50Ms";
    public const string PredictionLatencyP95Ms = "PredictionLatencyP95Ms";
    public const string ThroughputRowsPerSecond = "ThroughputRowsPerSecond";
    public const string PeakMemoryBytes = "PeakMemoryBytes";
    public const string ModelSizeBytes = "ModelSizeBytes";
    public const string TrainingSeconds = "TrainingSeconds";
}
