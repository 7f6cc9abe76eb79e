using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>What became of one gate (or, for <see cref="GateStatus.Warning"/>, of an ungated model's primary metric).</summary>
internal sealed record GateOutcome
{
    public required string Model { get; init; }
    public required MetricDefinition Metric { get; init; }
    /// <summary>The gate; null for the warning about an ungated model.</summary>
    public Gate? Gate { get; init; }
    public required GateStatus Status { get; init; }
    /// <summary>One line with the numbers, starting with the model's name, e.g. "Iris: MacroAccuracy 0.8710 fell by
    /// 0.0310 from 0.9020; allowed 0.0100".</summary>
    public required string Message { get; init; }
    /// <summary>Where to point the error: the MlGate element (or the MlModel element for the warning).</summary>
    public required SourceLocation Location { get; init; }
    /// <summary>The value the gate judged: the whole test set's, or the worst slice's.</summary>
    public double? Value { get; init; }
    public double? Baseline { get; init; }
    /// <summary>For a Slice gate, the slice value whose metric was judged.</summary>
    public string? SliceValue { get; init; }

    /// <summary>The code to log: MLB5016 for a failure, MLB5017 for the warning; null otherwise.</summary>
    public string? Code => Status switch
    {
        GateStatus.Failed => MlbCodes.GateFailed,
        GateStatus.Warning => MlbCodes.UngatedRegression,
        _ => null,
    };
}
