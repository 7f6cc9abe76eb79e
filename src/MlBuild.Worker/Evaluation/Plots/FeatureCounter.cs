using Microsoft.ML;
using MlBuild.Data.Profiles;
using MlBuild.Data.Statistics;
using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Scoring;

namespace MlBuild.Worker.Evaluation.Plots;

/// <summary>Counts a feature's test values into its training profile's bins as the scoring pass goes (a count per
/// bin, nothing per row), for the report's train-against-test histograms and their PSI.</summary>
internal sealed class FeatureCounter(DataViewSchema.Column column, ColumnProfile profile) : IRowCollector
{
    private ProfileBins.Counter? _counter;
    private Func<string>? _read;

    public DataViewSchema.Column Column => column;

    public void Bind(DataViewRow cursor)
    {
        _counter = ProfileBins.Counter.For(profile);
        _read = ColumnText.Reader(cursor, column);
    }

    public void Collect()
    {
        var value = _read!();
        // The profile counts an empty value as missing; ColumnText writes a missing value as a word.
        _counter?.Add(value == ColumnText.Missing ? "" : value);
    }

    /// <summary>Null when the profile has no distribution for the feature (every training value was missing).</summary>
    public FeatureDistribution? Distribution()
    {
        if (_counter?.Bins is not { } bins)
            return null;
        return new FeatureDistribution(profile.Name, profile.Kind, bins.Names, bins.Expected, bins.Actual,
            PopulationStability.OfCounts(bins.Expected, bins.Actual),
            PopulationStability.NoiseBound(bins.Expected, bins.Actual));
    }
}
