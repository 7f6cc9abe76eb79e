namespace MlBuild.Core.Reporting;

/// <summary>
/// The y-axis of a metric's trend chart (the Mermaid chart of report.md, the trend of report.html): the values'
/// range, widened to a minimum span relative to the metric's scale, then padded by a tenth and rounded outwards. The
/// minimum span keeps a chart from zooming onto floating-point noise: two trainings whose RSquared differ in the tenth
/// digit (0.732439093244 and 0.732439093282) draw a flat line, not a cliff. A rate's scale is 1, so its axis spans at
/// least 0.02 (two points) and stays within [0, 1]; another metric's span is at least 2 % of its magnitude.
/// </summary>
internal static class TrendAxis
{
    public const double MinimumRateSpan = 0.02;
    public const double MinimumRelativeSpan = 0.02;

    public static (double Low, double High) Range(IReadOnlyList<double> values, bool isRate)
    {
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double min = finite.Min(), max = finite.Max();
        var scale = Math.Max(Math.Abs(min), Math.Abs(max));
        var minimumSpan = isRate ? MinimumRateSpan : scale > 0 ? scale * MinimumRelativeSpan : 1e-6;
        if (max - min < minimumSpan)
        {
            var middle = (min + max) / 2;
            (min, max) = (middle - minimumSpan / 2, middle + minimumSpan / 2);
            // A rate of 1 (or 0) keeps its span inside [0, 1] rather than losing half of it to the clamp below.
            if (isRate && max > 1)
                (min, max) = (min - (max - 1), 1);
            if (isRate && min < 0)
                (min, max) = (0, max - min);
        }
        var pad = (max - min) / 10;
        var step = Math.Pow(10, Math.Floor(Math.Log10(pad)));
        var low = Math.Floor((min - pad) / step) * step;
        var high = Math.Ceiling((max + pad) / step) * step;
        if (isRate && finite.Min() >= 0 && finite.Max() <= 1)
            (low, high) = (Math.Max(low, 0), Math.Min(high, 1));
        // Rounding away the noise of floating point (0.8670000000000001) keeps the axis labels short.
        return (Math.Round(low, 12), Math.Round(high, 12));
    }
}
