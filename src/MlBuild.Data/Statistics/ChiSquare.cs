namespace MlBuild.Data.Statistics;

/// <summary>The chi-square distribution's quantile function.</summary>
public static class ChiSquare
{
    /// <summary>The <paramref name="p"/>-quantile with <paramref name="degreesOfFreedom"/> degrees of freedom, by the
    /// Wilson–Hilferty approximation (within about 1% of the exact value from 1 degree of freedom up at p = 0.99:
    /// 6.58 for 6.63, 21.7 for 21.67 with 9), plenty for a noise bound.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "At least 1.");
        var k = (double)degreesOfFreedom;
        var z = NormalDistribution.Quantile(p);
        var cube = 1 - 2 / (9 * k) + z * Math.Sqrt(2 / (9 * k));
        return k * Math.Max(0, cube * cube * cube);
    }
}
