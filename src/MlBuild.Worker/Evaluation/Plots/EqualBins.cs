namespace MlBuild.Worker.Evaluation.Plots;

/// <summary>Equal-width histogram bins: the edges between a low and a high value, and the bin of a value (values
/// outside the edges fall in the outer bins, so no row is lost from a histogram).</summary>
internal static class EqualBins
{
    public static IReadOnlyList<double> Edges(double low, double high, int bins)
    {
        if (!(high > low))
            (low, high) = (low - 0.5, low + 0.5);
        return Enumerable.Range(0, bins + 1).Select(i => i == bins ? high : low + (high - low) * i / bins).ToArray();
    }

    public static int BinOf(IReadOnlyList<double> edges, double value)
    {
        var bins = edges.Count - 1;
        var bin = (int)Math.Floor((value - edges[0]) / (edges[^1] - edges[0]) * bins);
        return Math.Clamp(bin, 0, bins - 1);
    }
}
