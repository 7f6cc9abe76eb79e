using System.Globalization;

namespace MlBuild.Benchmarks.Measurement;

/// <summary>Whether a ratio must stay below or reach its target; None for a ratio reported for context only.</summary>
internal enum TargetKind
{
    None,
    AtMost,
    AtLeast,
}

/// <summary>
/// One ratio of a benchmark against a baseline measured in the same run: the ratio of the medians, with the
/// range of the per-round ratios (round i of the measured variant over round i of the baseline, taken back to
/// back) as its spread, and the verdict against the target.
/// </summary>
internal sealed record Comparison(string Name, Samples Measured, Samples Baseline, TargetKind Kind = TargetKind.None,
    double Target = double.NaN)
{
    public double Ratio => Measured.Median / Baseline.Median;

    public IReadOnlyList<double> RoundRatios =>
        Measured.Values.Zip(Baseline.Values, (m, b) => m / b).ToList();

    public bool HasTarget => Kind != TargetKind.None;

    public bool Met => Kind switch
    {
        TargetKind.AtMost => Ratio <= Target,
        TargetKind.AtLeast => Ratio >= Target,
        _ => true,
    };

    public string Verdict => !HasTarget ? "(context)" : Met ? "PASS" : "MISS";

    public string TargetText => Kind switch
    {
        TargetKind.AtMost => "≤ " + Target.ToString("0.###", CultureInfo.InvariantCulture),
        TargetKind.AtLeast => "≥ " + Target.ToString("0.###", CultureInfo.InvariantCulture),
        _ => "—",
    };
}
