namespace MlBuild;

/// <summary>A metric and its name, as an application shows it: "MacroAccuracy 0.9333 [0.8462, 1]".</summary>
/// <param name="Name">The metric's name (MacroAccuracy, AreaUnderRocCurve, RSquared…).</param>
/// <param name="Value">Its value and 95% interval.</param>
sealed partial record NamedMetric(string Name, MetricValue Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {Value}";
}
