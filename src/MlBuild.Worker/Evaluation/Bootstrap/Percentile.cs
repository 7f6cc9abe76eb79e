namespace MlBuild.Worker.Evaluation.Bootstrap;

/// <summary>Percentiles of a sample by linear interpolation between the closest ranks (Hyndman and Fan's type 7,
/// the default of R and NumPy).</summary>
internal static class Percentile
{
    /// <param name="sorted">Ascending, not empty.</param>
    /// <param name="fraction">In [0, 1]: 0.025 for the 2.5th percentile.</param>
    public static double Of(IReadOnlyList<double> sorted, double fraction)
    {
        var position = (sorted.Count - 1) * fraction;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
