using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Data.Statistics;

namespace MlBuild.Data.Drift;

/// <summary>Compares new data with a model's training profile, feature by feature, in one pass over the data: PSI over
/// the profile's bins for every feature, and the KS statistic against the profile's quantiles for numbers (and text
/// lengths), the new data's distribution held in a <see cref="QuantileSketch"/> (exact for up to its capacity, within
/// its rank error past that).</summary>
public static class DriftAnalyzer
{
    /// <param name="data">New data, opened by <see cref="DriftDataReader"/> (its column names are the profile's).</param>
    public static DriftReport Compare(DataProfile profile, DataSource data, DriftThresholds thresholds, string model,
        ScanProgress? progress = null)
    {
        var features = Columns(profile, data).Select(f => new FeatureScan(f.Feature, f.Index)).ToList();
        var counts = data.FieldCounts();
        long rows = 0;
        using (var records = data.OpenRecords())
        {
            while (records.MoveNext())
            {
                progress?.Row(records);
                if (!counts.Check(records.Line, records.FieldCount))
                {
                    if (counts.IsFull)
                        break;
                    continue;
                }
                rows++;
                foreach (var feature in features)
                    feature.Add(records);
            }
        }
        counts.ThrowIfAny();
        return new DriftReport(model, profile.Source, profile.Rows, data.Path, checked((int)rows), thresholds,
            features.Select(f => f.Drift(thresholds)).OfType<FeatureDrift>().ToList());
    }

    /// <summary>Each feature of the profile with its column in the data (by name, exactly, else ignoring case); every
    /// feature missing from the data is an error (MLB2112): the model could not predict from such data either.</summary>
    private static List<(ColumnProfile Feature, int Index)> Columns(DataProfile profile, DataSource data)
    {
        var names = data.Layout.ColumnNames;
        var found = new List<(ColumnProfile, int)>();
        var bag = new DiagnosticBag();
        foreach (var feature in profile.Features)
        {
            var index = IndexOf(names, feature.Name);
            if (index >= 0)
                found.Add((feature, index));
            else
                bag.Add(MlbCodes.DriftColumnMissing, data.Layout.ColumnsAt,
                    $"the new data has no column '{feature.Name}', a feature of the model (its columns: " +
                    $"{string.Join(", ", names)}): give data with the columns the model was trained on.");
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

    /// <summary>One feature's bins and, for numbers and text, the sketch of its values.</summary>
    private sealed class FeatureScan(ColumnProfile feature, int index)
    {
        private readonly ProfileBins.Counter? _bins = ProfileBins.Counter.For(feature);
        private readonly QuantileSketch? _values = (feature.Numeric ?? feature.Length) is null ? null : new QuantileSketch();

        public void Add(RecordCursor records)
        {
            _bins?.Add(records, index);
            if (_values is null || records.IsMissing(index))
                return;
            if (feature.Numeric is null)
                _values.Add(records.Text(index).Length);
            else if (records.TryGetDouble(index, out var number) && double.IsFinite(number))
                _values.Add(number);
        }

        public FeatureDrift? Drift(DriftThresholds thresholds)
        {
            if (_bins?.Bins is not { } bins)
                return null;
            var psi = PopulationStability.OfCounts(bins.Expected, bins.Actual);
            var psiLimit = Math.Max(thresholds.MaxPsi, PopulationStability.NoiseBound(bins.Expected, bins.Actual));
            double? ks = null, ksLimit = null;
            if ((feature.Numeric ?? feature.Length) is { } reference && _values is { Count: > 0 } values)
            {
                ks = KolmogorovSmirnov.Statistic(reference.Quantiles, values);
                ksLimit = Math.Max(thresholds.MaxKs, KolmogorovSmirnov.CriticalValue(reference.Count, values.Count));
            }
            return new FeatureDrift(feature.Name, feature.Kind, feature.Length is null ? "value" : "length",
                psi, psiLimit, ks, ksLimit);
        }
    }
}
