namespace MlBuild.Data.Statistics;

/// <summary>The binomial distribution's upper tail.</summary>
public static class Binomial
{
    /// <summary>P(X ≥ <paramref name="k"/>) for X ~ Binomial(<paramref name="n"/>, <paramref name="p"/>). The tail away
    /// from the mean is summed term by term from its start, in log space for the first term, so neither a tiny
    /// probability nor a large n underflows into a wrong answer.</summary>
    public static double UpperTail(int n, int k, double p)
    {
        if (k <= 0)
            return 1;
        if (k > n || p <= 0)
            return 0;
        if (p >= 1)
            return 1;
        if (k > n * p)
            return Sum(n, k, p, upward: true);
        // Below the mean the upper tail is close to 1: computed as 1 − P(X ≤ k − 1).
        return Math.Max(0, 1 - Sum(n, k - 1, p, upward: false));
    }

    // From term k away from the mean, each next term by the ratio of consecutive terms; they only shrink.
    private static double Sum(int n, int k, double p, bool upward)
    {
        var term = Math.Exp(LogChoose(n, k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p));
        var sum = 0.0;
        for (var i = k; upward ? i <= n : i >= 0; i += upward ? 1 : -1)
        {
            sum += term;
            if (term <= sum * 1e-17)
                break;
            term *= upward
                ? (double)(n - i) / (i + 1) * p / (1 - p)
                : (double)i / (n - i + 1) * (1 - p) / p;
        }
        return Math.Min(1, sum);
    }

    private static double LogChoose(int n, int k)
    {
        k = Math.Min(k, n - k);
        var log = 0.0;
        for (var i = 1; i <= k; i++)
            log += Math.Log(n - k + i) - Math.Log(i);
        return log;
    }
}
