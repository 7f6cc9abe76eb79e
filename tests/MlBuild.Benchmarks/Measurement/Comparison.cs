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
/// back) as its spread, and the verdict against the target. With <paramref name="Difference"/>, the same for the
/// difference of the medians (measured − baseline, in the samples' unit): memory targets are extra megabytes, not
/// a factor.
/// </summary>
internal sealed record Comparison(string Name, Samples Measured, Samples Baseline, TargetKind Kind = TargetKind.None,
    double Target = double.NaN, bool Difference = false)
{
    public double Ratio => Measured.Median / Baseline.Median;

    /// <summary>What is held against the target: the ratio, or the difference of the medians.</summary>
    public double Value => Difference ? Measured.Median - Baseline.Median : Ratio;

    public IReadOnlyList<double> RoundRatios =>
        Measured.Values.Zip(Baseline.Values, (m, b) => Difference ? m - b : m / b).ToList();

    public bool HasTarget => Kind != TargetKind.None;

    public bool Met => Kind switch
    {
        TargetKind.AtMost => Value <= Target,
        TargetKind.AtLeast => Value >= Target,
        _ => true,
    };

    public string Verdict => !HasTarget ? "(context)" : Met ? "PASS" : "MISS";

    public string TargetText => Kind switch
    {
        TargetKind.AtMost => "≤ " + Target.ToString("0.###", CultureInfo.InvariantCulture) + Unit,
        TargetKind.AtLeast => "≥ " + Target.ToString("0.###", CultureInfo.InvariantCulture) + Unit,
        _ => "—",
    };

    /// <summary>A ratio or difference as the reports print it.</summary>
    public string Format(double value) => Difference
        ? value.ToString("+0;−0;0", CultureInfo.InvariantCulture) + Unit
        : value.ToString(value < 0.1 ? "0.0000" : "0.000", CultureInfo.InvariantCulture);

    public string ValueText => Format(Value);

    private string Unit => Difference ? " " + Measured.Unit : "";
}
