namespace MlBuild.Data.Statistics;

/// <summary>
/// The population stability index of two distributions over the same bins: PSI = Σ (a − e)·ln(a / e), with e and a
/// each bin's share of the reference (training) and the other (test or new) rows. 0 for identical shares; by the
/// usual rule of thumb below 0.1 is stable, 0.1–0.25 a moderate shift, above 0.25 a significant one.
/// </summary>
public static class PopulationStability
{
    /// <summary>Counts added to every bin before shares are taken: an empty bin would make ln(a / e) infinite.
    /// Half a row (Jeffreys' prior) keeps a bin that one small sample happens to miss from dominating the index.</summary>
    public const double PseudoCount = 0.5;

    /// <summary>The significance level of the noise bound: a PSI this large happens by chance in 1% of samples.</summary>
    public const double NoiseLevel = 0.01;

    /// <summary>The PSI of two lists of shares (each summing to 1, none zero).</summary>
    public static double OfShares(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        if (expected.Count != actual.Count)
            throw new ArgumentException("The two distributions need the same bins.", nameof(actual));
        var psi = 0.0;
        for (var i = 0; i < expected.Count; i++)
            psi += (actual[i] - expected[i]) * Math.Log(actual[i] / expected[i]);
        return psi;
    }

    /// <summary>The PSI of two lists of counts over the same bins, each bin given <see cref="PseudoCount"/> more; bins
    /// empty on both sides are left out (they hold no information).</summary>
    public static double OfCounts(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        var (e, a) = Shares(expected, actual);
        return e.Count == 0 ? 0 : OfShares(e, a);
    }

    /// <summary>
    /// The PSI that two samples of the same distribution reach by chance with probability <see cref="NoiseLevel"/>:
    /// χ²(0.99; k − 1)·(1/n + 1/m) for k occupied bins and samples of n and m rows. For small shifts PSI is close to the
    /// two-sample chi-square divergence, whose statistic PSI·nm/(n + m) is χ² with k − 1 degrees of freedom when both
    /// samples come from one distribution. Thresholds are raised to this bound so that small samples (30 test rows)
    /// do not report noise as a shift; with thousands of rows it falls far below the usual thresholds.
    /// </summary>
    public static double NoiseBound(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        var bins = Occupied(expected, actual);
        long n = expected.Sum(), m = actual.Sum();
        if (bins < 2 || n == 0 || m == 0)
            return 0;
        return ChiSquare.Quantile(1 - NoiseLevel, bins - 1) * (1.0 / n + 1.0 / m);
    }

    private static int Occupied(IReadOnlyList<long> expected, IReadOnlyList<long> actual) =>
        expected.Zip(actual).Count(p => p.First > 0 || p.Second > 0);

    private static (List<double> Expected, List<double> Actual) Shares(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        if (expected.Count != actual.Count)
            throw new ArgumentException("The two distributions need the same bins.", nameof(actual));
        var kept = expected.Zip(actual).Where(p => p.First > 0 || p.Second > 0).ToList();
        double totalE = kept.Sum(p => p.First + PseudoCount), totalA = kept.Sum(p => p.Second + PseudoCount);
        return (kept.Select(p => (p.First + PseudoCount) / totalE).ToList(),
            kept.Select(p => (p.Second + PseudoCount) / totalA).ToList());
    }
}
