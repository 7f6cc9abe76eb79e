using System.Globalization;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Drift;

/// <summary>MLB2110: one error per drifted feature, at the new data file.</summary>
public static class DriftFindings
{
    public static IReadOnlyList<Diagnostic> Of(DriftReport report, Location at) =>
        report.Drifted.Select(f => new Diagnostic(MlbCodes.Drift, at,
            $"the feature '{f.Feature}'{(f.Measure == "length" ? " (its length)" : "")} drifted from the training data: " +
            string.Join(", ", new[]
            {
                f.PsiDrifted ? $"PSI {Number(f.Psi)} above {Number(f.PsiLimit)}" : null,
                f.KsDrifted ? $"KS {Number(f.Ks!.Value)} above {Number(f.KsLimit!.Value)}" : null,
            }.Where(s => s is not null)) +
            ". The model now sees data unlike what it learned from: retrain it on recent data (or raise MaxPsi/MaxKs " +
            "on the MlModel item if this shift is harmless).")).ToList();

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
