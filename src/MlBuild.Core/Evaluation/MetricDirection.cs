namespace MlBuild.Core.Evaluation;

/// <summary>Which way a metric gets better: it decides what a "regression" is for a gate and for a warning.</summary>
internal enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
    /// <summary>A metric the catalog does not know (a newer worker's): shown, never gated.</summary>
    Unknown,
}
