using MlBuild.GitHub.Api;

namespace MlBuild.GitHub.Tests.Api;

public sealed class RetryOptionsTests
{
    [Fact]
    public void The_defaults_wait_up_to_two_minutes_over_five_attempts()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), RetryOptions.Default.MaxTotalWait);
        Assert.Equal(5, RetryOptions.Default.MaxAttempts);
        Assert.Equal(1.0, RetryOptions.Default.WaitScale);
    }

    [Fact]
    public void The_wait_scale_comes_from_the_environment() =>
        Assert.Equal(0.01, RetryOptions.FromEnvironment(name => name == "MLBUILD_GITHUB_WAIT_SCALE" ? "0.01" : null).WaitScale);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("0,5")]
    [InlineData("-1")]
    [InlineData("10")]
    public void A_missing_or_unusable_wait_scale_keeps_real_waits(string? value) =>
        Assert.Equal(RetryOptions.Default, RetryOptions.FromEnvironment(_ => value));
}
