using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>
/// One MlGate item, validated: a metric of a model with an absolute floor or ceiling (Min, Max) and/or an allowed
/// regression against the baseline (MaxDecrease, MaxIncrease, and their Percent forms).
/// </summary>
internal sealed record Gate
{
    public required string Model { get; init; }
    public required MetricDefinition Metric { get; init; }
    /// <summary>An MlSlice column: the gate applies to that column's worst slice instead of the whole test set.</summary>
    public string? Slice { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? MaxDecrease { get; init; }
    public double? MaxIncrease { get; init; }
    public double? MaxDecreasePercent { get; init; }
    public double? MaxIncreasePercent { get; init; }
    /// <summary>A relative threshold fails only when the change is significant (not noise of the test set).</summary>
    public bool OnlyWhenSignificant { get; init; }
    /// <summary>The MlGate element in the project file, for errors.</summary>
    public SourceLocation Location { get; init; }

    public bool HasAbsoluteThreshold => Min is not null || Max is not null;

    public bool HasRelativeThreshold => AllowedChange is not null || AllowedPercent is not null;

    /// <summary>The allowed regression as an amount: MaxDecrease for a higher-is-better metric, MaxIncrease for a
    /// lower-is-better one (the reader rejects the other pairing).</summary>
    public double? AllowedChange => MaxDecrease ?? MaxIncrease;

    public double? AllowedPercent => MaxDecreasePercent ?? MaxIncreasePercent;

    /// <summary>Short, for a report's gate column: "&gt;= 0.9000; decrease &lt;= 0.0100 if significant".</summary>
    /// <param name="atLeast">The sign for "at least": ASCII for the build log, "≥" where markdown renders it.</param>
    public string Describe(string atLeast = ">=", string atMost = "<=")
    {
        var parts = new List<string>();
        if (Min is { } min)
            parts.Add(atLeast + " " + MetricFormat.Value(Metric, min));
        if (Max is { } max)
            parts.Add(atMost + " " + MetricFormat.Value(Metric, max));
        var regression = Metric.RegressionWord;
        if (AllowedChange is { } change)
            parts.Add($"{regression} {atMost} {MetricFormat.Amount(Metric, change)}");
        if (AllowedPercent is { } percent)
            parts.Add($"{regression} {atMost} {MetricFormat.Threshold(percent)} %");
        var text = string.Join("; ", parts);
        if (OnlyWhenSignificant && HasRelativeThreshold)
            text += " if significant";
        return Slice is null ? text : $"worst {Slice}: {text}";
    }
}
