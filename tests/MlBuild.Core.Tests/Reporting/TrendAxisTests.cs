using MlBuild.Core.Reporting;
using Xunit;

namespace MlBuild.Core.Tests.Reporting;

public class TrendAxisTests
{
    [Fact]
    public void Values_that_differ_only_by_floating_point_noise_draw_a_flat_line()
    {
        // The taxi-fare sample's RSquared over two trainings of the same model.
        var (low, high) = TrendAxis.Range([0.732439093244, 0.732439093282], isRate: false);

        Assert.True(high - low >= 0.02 * 0.7324, $"{low} --> {high}");
        Assert.True(low < 0.7324 && high > 0.7325, $"{low} --> {high}");
    }

    [Fact]
    public void A_rate_spans_at_least_two_points_and_stays_within_zero_and_one()
    {
        var (low, high) = TrendAxis.Range([0.9, 0.9, 0.9], isRate: true);
        Assert.True(low <= 0.89 && high >= 0.91, $"{low} --> {high}");

        var (lowAtOne, highAtOne) = TrendAxis.Range([1.0, 1.0], isRate: true);
        Assert.Equal(1.0, highAtOne);
        Assert.True(lowAtOne <= 0.98, $"{lowAtOne}");

        Assert.Equal(0, TrendAxis.Range([0.0, 0.01], isRate: true).Low);
    }

    [Fact]
    public void A_real_change_is_drawn_at_its_own_scale_padded_by_a_tenth()
    {
        var (low, high) = TrendAxis.Range([0.80, 0.90], isRate: true);

        Assert.Equal((0.79, 0.91), (low, high));
    }

    [Fact]
    public void A_negative_r_squared_is_drawn_below_zero() =>
        Assert.True(TrendAxis.Range([-0.2, 0.3], isRate: false).Low < -0.2);
}
