using MlBuild.Benchmarks.Measurement;

namespace MlBuild.Benchmarks.Reporting;

/// <summary>What one benchmark measured and how: the method, every raw sample, the ratios and notes.</summary>
internal sealed class ScenarioReport(string title)
{
    public string Title { get; } = title;

    /// <summary>How it was measured, as Markdown list items.</summary>
    public List<string> Method { get; } = [];

    public List<Samples> RawSamples { get; } = [];

    public List<Comparison> Comparisons { get; } = [];

    /// <summary>Observations and side results (such as metrics tables), as Markdown blocks.</summary>
    public List<string> Notes { get; } = [];

    public Samples AddSamples(string name, string unit)
    {
        var samples = new Samples(name, unit);
        RawSamples.Add(samples);
        return samples;
    }
}
