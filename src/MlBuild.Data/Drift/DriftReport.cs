using MlBuild.Definitions;

namespace MlBuild.Data.Drift;

/// <summary>How one feature of new data compares with the training data's profile.</summary>
/// <param name="Measure">"value", or "length" for a text feature (compared by the length of its values).</param>
/// <param name="Ks">The KS statistic, for numbers and text lengths; null for categories.</param>
/// <param name="PsiLimit">The PSI above which the feature drifted: MaxPsi, or the noise bound when higher.</param>
public sealed record FeatureDrift(string Feature, string Kind, string Measure, double Psi, double PsiLimit,
    double? Ks, double? KsLimit)
{
    public bool PsiDrifted => Psi > PsiLimit;
    public bool KsDrifted => Ks > KsLimit;
    public bool Drifted => PsiDrifted || KsDrifted;
}

/// <summary>The drift of new data from one model's training data, feature by feature.</summary>
public sealed record DriftReport(string Model, string Source, int ReferenceRows, string DataPath, int Rows,
    DriftThresholds Thresholds, IReadOnlyList<FeatureDrift> Features)
{
    public IEnumerable<FeatureDrift> Drifted => Features.Where(f => f.Drifted);

    public bool HasDrift => Features.Any(f => f.Drifted);
}
