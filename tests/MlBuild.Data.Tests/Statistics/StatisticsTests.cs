using MlBuild.Data.Statistics;

namespace MlBuild.Data.Tests.Statistics;

/// <summary>Each statistic against values computed by hand (or from tables), on cases small enough to check.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void PSI_of_shares_is_the_sum_of_difference_times_log_ratio()
    {
        // (0.8 − 0.5)·ln(0.8/0.5) + (0.2 − 0.5)·ln(0.2/0.5) = 0.3·0.4700 + 0.3·0.9163
        Assert.Equal(0.4158883, PopulationStability.OfShares([0.5, 0.5], [0.8, 0.2]), 6);
        Assert.Equal(0, PopulationStability.OfShares([0.25, 0.75], [0.25, 0.75]), 12);
    }

    [Fact]
    public void PSI_of_counts_adds_half_a_row_to_each_bin_and_leaves_out_bins_empty_on_both_sides()
    {
        // Shares (50.5/101, 50.5/101) and (80.5/101, 20.5/101).
        Assert.Equal(0.4062868, PopulationStability.OfCounts([50, 50], [80, 20]), 6);
        Assert.Equal(0.4062868, PopulationStability.OfCounts([50, 0, 50, 0], [80, 0, 20, 0]), 6);
        // A bin the other sample misses is finite, not infinite.
        Assert.True(double.IsFinite(PopulationStability.OfCounts([10, 10], [20, 0])));
    }

    [Fact]
    public void The_PSI_noise_bound_is_the_chi_square_quantile_over_the_effective_sample_size()
    {
        // 2 occupied bins: χ²(0.99; 1) = 6.635, times 1/100 + 1/100.
        Assert.Equal(6.635 * 0.02, PopulationStability.NoiseBound([60, 40, 0], [50, 50, 0]), 2);
        // 10 bins, 120 against 30 rows (iris): χ²(0.99; 9) = 21.666 · (1/120 + 1/30) = 0.903.
        Assert.Equal(0.903, PopulationStability.NoiseBound(Enumerable.Repeat(12L, 10).ToArray(), Enumerable.Repeat(3L, 10).ToArray()), 2);
    }

    [Theory]
    [InlineData(0.99, 1, 6.635)]
    [InlineData(0.99, 9, 21.666)]
    [InlineData(0.95, 10, 18.307)]
    [InlineData(0.99, 30, 50.892)]
    public void Chi_square_quantiles_are_within_one_percent_of_the_tables(double p, int degrees, double table) =>
        Assert.InRange(ChiSquare.Quantile(p, degrees), table * 0.99, table * 1.01);

    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.01, -2.326348)]
    [InlineData(0.5, 0)]
    public void Normal_quantiles_match_the_tables(double p, double z) =>
        Assert.Equal(z, NormalDistribution.Quantile(p), 5);

    [Fact]
    public void KS_is_the_largest_gap_between_the_reference_cdf_and_the_sample()
    {
        // The reference is uniform on [0, 1]; the sample's CDF reaches 1 at 0.4 where the uniform's is 0.4.
        var uniform = Enumerable.Range(0, 101).Select(j => j / 100.0).ToArray();
        Assert.Equal(0.6, KolmogorovSmirnov.Statistic(uniform, [0.1, 0.2, 0.3, 0.4]), 9);
        // Below the reference: a sample at 0.9 and 1.0 has CDF 0 until 0.9, where the uniform's is 0.9.
        Assert.Equal(0.9, KolmogorovSmirnov.Statistic(uniform, [0.9, 1.0]), 9);
        // The sample of the reference's own quantiles is within one step of it.
        Assert.InRange(KolmogorovSmirnov.Statistic(uniform, uniform), 0, 0.0100001);
    }

    [Fact]
    public void KS_reference_cdf_jumps_where_quantiles_repeat()
    {
        // A 0/1 column with about 30% zeros: q0..q30 are 0, the rest 1.
        var quantiles = Enumerable.Range(0, 101).Select(j => j <= 30 ? 0.0 : 1.0).ToArray();
        Assert.Equal(0.0, KolmogorovSmirnov.ReferenceCdf(quantiles, 0, inclusive: false));
        Assert.Equal(0.3, KolmogorovSmirnov.ReferenceCdf(quantiles, 0, inclusive: true), 9);
        Assert.Equal(1.0, KolmogorovSmirnov.ReferenceCdf(quantiles, 1, inclusive: true));
        // A sample with 60% zeros: the gap at 0 is 0.3.
        Assert.Equal(0.3, KolmogorovSmirnov.Statistic(quantiles, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]), 9);
    }

    [Fact]
    public void KS_critical_value_is_c_alpha_times_the_root_of_the_sizes()
    {
        // c(0.01) = √(−ln(0.005)/2) = 1.6276; √((100 + 100)/(100·100)) = 0.1414.
        Assert.Equal(0.2302, KolmogorovSmirnov.CriticalValue(100, 100), 4);
    }

    [Fact]
    public void Binomial_upper_tail_matches_the_sums_by_hand()
    {
        Assert.Equal(0.6875, Binomial.UpperTail(4, 2, 0.5), 12);
        Assert.Equal(0.3125, Binomial.UpperTail(4, 3, 0.5), 12);
        // 1 − (59/60)^30 − 30·(1/60)·(59/60)^29: iris's 2 shared test rows of 30.
        Assert.Equal(0.0889109, Binomial.UpperTail(30, 2, 1 / 60.0), 6);
        Assert.Equal(1, Binomial.UpperTail(10, 0, 0.1));
        Assert.Equal(0, Binomial.UpperTail(10, 11, 0.1));
        // Far in the tail it is tiny but not NaN; far below the mean it is 1.
        Assert.InRange(Binomial.UpperTail(100_000, 50_000, 0.01), 0, 1e-300);
        Assert.Equal(1, Binomial.UpperTail(100_000, 10, 0.5), 9);
    }

    [Fact]
    public void Quantiles_interpolate_linearly_or_take_a_data_value()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(2.5, Quantiles.Linear(sorted, 0.5));
        Assert.Equal(1, Quantiles.Linear(sorted, 0));
        Assert.Equal(4, Quantiles.Linear(sorted, 1));
        Assert.Equal(2, Quantiles.Lower(sorted, 0.5));
        Assert.Equal(3, Quantiles.Lower(sorted, 0.51));
        Assert.Equal([1, 2.5, 4], Quantiles.Evenly(sorted, 2));
    }
}
