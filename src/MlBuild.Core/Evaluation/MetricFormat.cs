using System.Globalization;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// How numbers read in gate messages and reports, the same everywhere: metrics with 4 decimals, rates' changes in
/// percentage points, milliseconds with 2 decimals, bytes in KiB/MiB. Invariant culture and ASCII only, so a
/// build log reads the same on every machine.
/// </summary>
internal static class MetricFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A value of the metric: "0.9333", "1.42 ms", "4.2 KiB", "0.22 s", "12,345 rows/s".</summary>
    public static string Value(MetricDefinition metric, double value) => metric.Unit switch
    {
        // Predictions of small models take microseconds: three decimals keep them from all reading 0.00.
        MetricUnit.Milliseconds => value.ToString(Math.Abs(value) < 1 ? "F3" : "F2", Invariant) + " ms",
        MetricUnit.Seconds => value.ToString("F2", Invariant) + " s",
        MetricUnit.Bytes => Bytes(value),
        MetricUnit.RowsPerSecond => value.ToString("N0", Invariant) + " rows/s",
        _ => Plain(value),
    };

    /// <summary>A change: "-3.10 pp" for a rate, "+0.0123" for a plain number, "+0.50 ms", "+1.2 KiB".</summary>
    public static string Delta(MetricDefinition metric, double delta)
    {
        var sign = delta > 0 ? "+" : delta < 0 ? "-" : "";
        var size = Math.Abs(delta);
        return sign + (metric.IsRate ? (size * 100).ToString("F2", Invariant) + " pp" : Value(metric, size));
    }

    /// <summary>An amount without sign (how much a metric fell or rose, a gate's allowance), in the metric's unit.
    /// Rates stay in their own unit here: a gate's MaxDecrease="0.01" is written in it.</summary>
    public static string Amount(MetricDefinition metric, double amount) => Value(metric, Math.Abs(amount));

    /// <summary>A relative change: "+35.0 %"; "new" when the baseline was 0.</summary>
    public static string Percent(double percent, bool signed = true)
    {
        if (!double.IsFinite(percent))
            return "n/a (baseline 0)";
        var sign = signed && percent > 0 ? "+" : "";
        return sign + percent.ToString("F1", Invariant) + " %";
    }

    /// <summary>A threshold as the user wrote it, without padding: "20 %", "0.01".</summary>
    public static string Threshold(double value) => value.ToString("0.######", Invariant);

    public static string Interval(MetricDefinition metric, ValueInterval interval) =>
        $"[{Value(metric, interval.Low)}, {Value(metric, interval.High)}]";

    /// <summary>A paired interval of a change, in the change's unit: "[-5.00 pp, -1.20 pp]".</summary>
    public static string DeltaInterval(MetricDefinition metric, ValueInterval interval) =>
        $"[{Delta(metric, interval.Low)}, {Delta(metric, interval.High)}]";

    public static string Bytes(double bytes)
    {
        var size = Math.Abs(bytes);
        var sign = bytes < 0 ? "-" : "";
        return size switch
        {
            < 1024 => sign + size.ToString("F0", Invariant) + " B",
            < 1024 * 1024 => sign + (size / 1024).ToString("F1", Invariant) + " KiB",
            < 1024L * 1024 * 1024 => sign + (size / 1024 / 1024).ToString("F1", Invariant) + " MiB",
            _ => sign + (size / 1024 / 1024 / 1024).ToString("F2", Invariant) + " GiB",
        };
    }

    // Four decimals read well for every ML.NET metric; a tiny non-zero value (an MSE of 1e-6) keeps its digits.
    private static string Plain(double value) =>
        value != 0 && Math.Abs(value) < 0.0001 ? value.ToString("G4", Invariant) : value.ToString("F4", Invariant);
}
