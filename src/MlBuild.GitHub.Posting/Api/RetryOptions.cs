using System.Globalization;

namespace MlBuild.GitHub.Api;

/// <summary>How long requests to GitHub are retried.</summary>
public sealed record RetryOptions
{
    /// <summary>The variable that shortens every wait (tests set it to e.g. <c>0.01</c>).</summary>
    public const string WaitScaleVariable = "MLBUILD_GITHUB_WAIT_SCALE";

    /// <summary>Two minutes of waiting and five attempts a request.</summary>
    public static RetryOptions Default { get; } = new();

    /// <summary>The most a request may wait in total across its retries, counted as GitHub asks (before
    /// <see cref="WaitScale"/>). A wait that would go past it is not made: the last answer is returned as it is.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The most attempts of one request, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Multiplies every actual wait, so tests exercise real waits quickly. Decisions (whether to wait,
    /// whether the budget allows it) are made on the unscaled waits, exactly as in production.</summary>
    public double WaitScale { get; init; } = 1.0;

    /// <summary>The defaults, with <see cref="WaitScale"/> from <c>MLBUILD_GITHUB_WAIT_SCALE</c> when it holds a
    /// number from 0 to 1.</summary>
    public static RetryOptions FromEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return double.TryParse(lookup(WaitScaleVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            && scale is >= 0 and <= 1
            ? Default with { WaitScale = scale }
            : Default;
    }
}
