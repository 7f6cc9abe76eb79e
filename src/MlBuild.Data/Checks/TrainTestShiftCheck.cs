using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Checks;

/// <summary>
/// MLB2107: a feature distributed differently in the test data than in the training data, by the population stability
/// index over the training profile's bins (deciles for numbers and text lengths, the frequent values for categories,
/// and missing values). The limit is <c>MaxPsi</c> (default 0.25), raised to the PSI that chance reaches on samples
/// this small (<see cref="PopulationStability.NoiseBound"/>: 0.90 for iris's 30 test rows against 120, 1.16 for the
/// heart data's 20 against 283, 0.054 for 500 against 2,000), so that a small test set is not reported for its noise.
/// </summary>
public static class TrainTestShiftCheck
{
    public sealed record Shift(string Feature, double Psi, double Limit);

    public static IEnumerable<Diagnostic> Run(CheckInput input, DataCheckSettings settings)
    {
        if (settings.TrainTestShift == CheckLevel.Off || input.Test is not { } test)
            yield break;
        foreach (var shift in Measure(input, settings.MaxPsi).Where(s => s.Psi > s.Limit))
            yield return Finding.At(settings.TrainTestShift, MlbCodes.TrainTestShift, test.Source.Layout.ColumnsAt,
                $"the feature '{shift.Feature}' is distributed differently in the test data than in the training data: " +
                $"PSI {Finding.Number(shift.Psi)}, above {Finding.Number(shift.Limit)} (MaxPsi {Finding.Number(settings.MaxPsi)}" +
                $"{(shift.Limit > settings.MaxPsi ? ", raised to what chance reaches on this many rows" : "")}). The test " +
                "metrics then say little about the data the model learned from: draw both sets from the same data, or " +
                "set TrainTestShift=\"off\" if the test set differs on purpose (a later period, say).");
    }

    /// <summary>The PSI and its limit for every feature of the test data that the profile describes.</summary>
    public static IEnumerable<Shift> Measure(CheckInput input, double maxPsi)
    {
        if (input.Test is not { } test)
            yield break;
        foreach (var feature in input.Selection.Features)
        {
            if (test.Shift.FirstOrDefault(s => s.Feature.Name == feature.Name) is not ({ } _, { } bins))
                continue;
            var psi = PopulationStability.OfCounts(bins.Expected, bins.Actual);
            var limit = Math.Max(maxPsi, PopulationStability.NoiseBound(bins.Expected, bins.Actual));
            yield return new Shift(feature.Name, psi, limit);
        }
    }
}
