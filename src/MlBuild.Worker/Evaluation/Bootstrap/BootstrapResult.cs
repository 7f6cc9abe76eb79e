using MlBuild.Protocol;

namespace MlBuild.Worker.Evaluation.Bootstrap;

/// <summary>
/// The metrics of each set on the rows themselves and on every resample, read as 95% percentile intervals
/// (2.5th and 97.5th percentiles). A resample on which a metric is undefined (an AUC without positives, say) is left
/// out of that metric's interval; a metric undefined on the rows themselves is left out altogether (JSON has no NaN,
/// and a gate cannot compare one).
/// </summary>
internal sealed class BootstrapResult
{
    public const double LowFraction = 0.025;
    public const double HighFraction = 0.975;

    private readonly IReadOnlyList<string>[] _names;
    private readonly double[][] _full;
    private readonly double[][][] _samples;

    public BootstrapResult(IReadOnlyList<string>[] names, double[][] full, double[][][] samples)
    {
        (_names, _full, _samples) = (names, full, samples);
    }

    public SortedDictionary<string, MetricEstimate> Estimates(int set)
    {
        var result = new SortedDictionary<string, MetricEstimate>(StringComparer.Ordinal);
        for (var m = 0; m < _names[set].Count; m++)
        {
            var value = _full[set][m];
            if (!double.IsFinite(value))
                continue;
            var (low, high) = Interval(_samples[set][m], value);
            result[_names[set][m]] = new MetricEstimate(value, low, high);
        }
        return result;
    }

    /// <summary>Candidate minus baseline for each metric both sets have and define on the rows themselves.</summary>
    public SortedDictionary<string, PairedDelta> Deltas(int candidate, int baseline)
    {
        var result = new SortedDictionary<string, PairedDelta>(StringComparer.Ordinal);
        for (var m = 0; m < _names[candidate].Count; m++)
        {
            var b = IndexOf(_names[baseline], _names[candidate][m]);
            if (b < 0)
                continue;
            var delta = _full[candidate][m] - _full[baseline][b];
            if (!double.IsFinite(delta))
                continue;
            var (candidateSamples, baselineSamples) = (_samples[candidate][m], _samples[baseline][b]);
            var differences = new double[candidateSamples.Length];
            for (var r = 0; r < differences.Length; r++)
                differences[r] = candidateSamples[r] - baselineSamples[r];
            var (low, high) = Interval(differences, delta);
            result[_names[candidate][m]] = new PairedDelta(delta, low, high);
        }
        return result;
    }

    private static (double Low, double High) Interval(double[] samples, double value)
    {
        var finite = samples.Where(double.IsFinite).Order().ToArray();
        return finite.Length == 0
            ? (value, value)
            : (Percentile.Of(finite, LowFraction), Percentile.Of(finite, HighFraction));
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        return -1;
    }
}
