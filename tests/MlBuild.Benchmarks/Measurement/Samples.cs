namespace MlBuild.Benchmarks.Measurement;

/// <summary>The measured values of one variant of a benchmark (seconds, or GB/s), in the order they were taken.</summary>
internal sealed class Samples(string name, string unit)
{
    private readonly List<double> _values = [];

    public string Name { get; } = name;
    public string Unit { get; } = unit;
    public IReadOnlyList<double> Values => _values;

    public void Add(double value) => _values.Add(value);

    public double Median => Statistics.Median(_values);
    public double Min => _values.Min();
    public double Max => _values.Max();

    /// <summary>(max − min) / median: how far apart the runs were, relative to the typical one.</summary>
    public double RelativeSpread => Median == 0 ? 0 : (Max - Min) / Median;
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
