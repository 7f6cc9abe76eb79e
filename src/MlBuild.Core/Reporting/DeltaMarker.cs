using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Reporting;

/// <summary>
/// The colour of a change, by what it means for that metric: an RMSE that fell is better, an accuracy that fell
/// is worse. Emoji, because they render in every markdown viewer (GitHub's $\color{}$ breaks on many characters).
/// </summary>
internal static class DeltaMarker
{
    public const string Better = "🟢";
    public const string Worse = "🔴";
    public const string Neutral = "⚪";

    public const string Legend = $"{Better} better · {Worse} worse · {Neutral} no change or within noise · ↑ higher is better, ↓ lower is better · rates change in percentage points (pp)";

    // Latency, throughput, memory and training time are measured anew in each run and have no interval: without
    // one, a change this small is taken for the machine's noise rather than painted red on every report.
    private const double RunMeasurementNoisePercent = 5;

    /// <summary>The marker for a row's delta; "" when there is nothing to compare with.</summary>
    public static string For(MetricComparison c)
    {
        if (c.Delta is not { } delta)
            return "";
        if (delta == 0 || c.Metric.Direction == MetricDirection.Unknown || c.Significance == Significance.NotSignificant)
            return Neutral;
        if (c.Significance == Significance.Unknown && IsRunMeasurement(c.Metric)
            && c.DeltaPercent is { } percent && Math.Abs(percent) < RunMeasurementNoisePercent)
            return Neutral;
        return c.Metric.Worsening(delta) > 0 ? Worse : Better;
    }

    private static bool IsRunMeasurement(MetricDefinition metric) => metric.IsMeta && metric.Name != MetaMetrics.ModelSizeBytes;
}
