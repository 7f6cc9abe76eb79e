
namespace MlBuild.Definitions;

/// <summary>
/// When a feature counts as drifted: its PSI above <see cref="MaxPsi"/> or its KS statistic above <see cref="MaxKs"/>,
/// each limit raised to what chance reaches at the 1% level on samples of these sizes (see
/// MlBuild.Data.Statistics: PopulationStability.NoiseBound and KolmogorovSmirnov.CriticalValue).
/// </summary>
/// <remarks>
/// The defaults agree with each other: a normal feature whose mean moves by half a standard deviation has a PSI of
/// about 0.25 (the usual "significant shift" threshold) and a KS statistic of 2Φ(0.25) − 1 ≈ 0.20. A p-value alone would
/// not do: with 100,000 new rows a shift too small to matter is highly significant, and with 30 a large one is not.
/// So the statistic must pass both the size that matters and the size that chance reaches.
/// </remarks>
public sealed record DriftThresholds(double MaxPsi = DataCheckSettings.DefaultMaxPsi, double MaxKs = DriftThresholds.DefaultMaxKs)
{
    public const double DefaultMaxKs = 0.2;

    public static readonly DriftThresholds Default = new();
}
