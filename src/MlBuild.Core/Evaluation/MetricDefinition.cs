namespace MlBuild.Core.Evaluation;

/// <summary>What MlBuild knows about one metric name.</summary>
/// <param name="Name">The name as ML.NET (or the worker, for meta-metrics) spells it.</param>
/// <param name="Tasks">The tasks whose models have it.</param>
/// <param name="IsMeta">Measured about the model (time, size, latency, memory), not scored on the test rows: slices
/// never have it.</param>
internal sealed record MetricDefinition(
    string Name, MetricDirection Direction, MetricUnit Unit, IReadOnlySet<string> Tasks, bool IsMeta)
{
    public bool IsRate => Unit == MetricUnit.Rate;

    public bool AppliesTo(string task) => Tasks.Contains(task);

    /// <summary>↑ or ↓, the one non-ASCII thing the console table prints.</summary>
    public string Arrow => Direction switch
    {
        MetricDirection.HigherIsBetter => "↑",
        MetricDirection.LowerIsBetter => "↓",
        _ => " ",
    };

    /// <summary>How much worse a change makes the model: positive for a regression, negative for an improvement.
    /// Zero for a metric of unknown direction, which is never called a regression.</summary>
    public double Worsening(double delta) => Direction switch
    {
        MetricDirection.HigherIsBetter => -delta,
        MetricDirection.LowerIsBetter => delta,
        _ => 0,
    };

    /// <summary>The word for a regression of this metric, as a gate's threshold spells it.</summary>
    public string RegressionWord => Direction == MetricDirection.LowerIsBetter ? "increase" : "decrease";
}
