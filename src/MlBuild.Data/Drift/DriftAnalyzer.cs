using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Drift;

/// <summary>Compares new data with a model's training profile, feature by feature: PSI over the profile's bins for
/// every feature, and the KS statistic against the profile's quantiles for numbers (and text lengths).</summary>
public static class DriftAnalyzer
{
    /// <param name="data">New data, read by <see cref="DriftDataReader"/> (its column names are the profile's).</param>
    public static DriftReport Compare(DataProfile profile, DataFile data, DriftThresholds thresholds, string model)
    {
        var columns = Columns(profile, data);
        var features = new List<FeatureDrift>();
        foreach (var (feature, index) in columns)
        {
            var values = data.ValuesOf(index).ToList();
            if (ProfileBins.Compare(feature, values) is not { } bins)
                continue;
            var psi = PopulationStability.OfCounts(bins.Expected, bins.Actual);
            var psiLimit = Math.Max(thresholds.MaxPsi, PopulationStability.NoiseBound(bins.Expected, bins.Actual));
            double? ks = null, ksLimit = null;
            if ((feature.Numeric ?? feature.Length) is { } reference)
            {
                var text = feature.Numeric is null;
                var sample = values.Select(v => text ? Values.IsMissing(v) ? double.NaN : v.Length : ProfileBuilder.Number(v))
                    .Where(double.IsFinite).Order().ToList();
                if (sample.Count > 0)
                {
                    ks = KolmogorovSmirnov.Statistic(reference.Quantiles, sample);
                    ksLimit = Math.Max(thresholds.MaxKs, KolmogorovSmirnov.CriticalValue(reference.Count, sample.Count));
                }
            }
            features.Add(new FeatureDrift(feature.Name, feature.Kind, feature.Length is null ? "value" : "length",
                psi, psiLimit, ks, ksLimit));
        }
        return new DriftReport(model, profile.Source, profile.Rows, data.Path, data.Rows.Count, thresholds, features);
    }

    /// <summary>Each feature of the profile with its column in the data (by name, exactly, else ignoring case); every
    /// feature missing from the data is an error (MLB2112): the model could not predict from such data either.</summary>
    private static List<(ColumnProfile Feature, int Index)> Columns(DataProfile profile, DataFile data)
    {
        var found = new List<(ColumnProfile, int)>();
        var bag = new DiagnosticBag();
        foreach (var feature in profile.Features)
        {
            var index = IndexOf(data.ColumnNames, feature.Name);
            if (index >= 0)
                found.Add((feature, index));
            else
                bag.Add(DataCodes.DriftColumnMissing, data.ColumnsAt,
                    $"the new data has no column '{feature.Name}', a feature of the model (its columns: " +
                    $"{string.Join(", ", data.ColumnNames)}): give data with the columns the model was trained on.");
        }
        bag.ThrowIfAny();
        return found;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        var matches = names.Select((n, i) => (n, i)).Where(p => string.Equals(p.n, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].i : -1;
    }
}
