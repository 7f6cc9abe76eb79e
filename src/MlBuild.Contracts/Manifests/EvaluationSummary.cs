using System.Text.Json.Serialization;

namespace MlBuild;

/// <summary>The last evaluation (<c>dotnet build -t:Evaluate</c>) of the packaged model, when it evaluated this very
/// model (the same fingerprint); otherwise <see cref="Status"/> is <c>not-evaluated</c>.</summary>
sealed partial class EvaluationSummary
{
    /// <summary><c>passed</c>, <c>failed</c> (packaged with <c>MlBuildPackageForce</c>) or <c>not-evaluated</c>.</summary>
    public string Status { get; init; } = "not-evaluated";

    /// <summary>Why there is no evaluation, when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>What the model was compared with: "HEAD (abc1234)", "origin/main (…)", "none".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Baseline { get; init; }

    /// <summary>Each gate of the model and what became of it.</summary>
    public IReadOnlyList<GateResult> Gates { get; init; } = [];

    /// <summary>The expectation lines checked, and how many failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExpectationSummary? Expectations { get; init; }

    /// <summary>Meta-metrics measured by the evaluation: PredictionLatencyP95Ms, ThroughputRowsPerSecond, ModelSizeBytes…</summary>
    public IReadOnlyDictionary<string, MetricValue> Meta { get; init; } = new Dictionary<string, MetricValue>();

    /// <summary>The model was evaluated and every gate and expectation passed.</summary>
    [JsonIgnore]
    public bool Passed => Status == "passed";
}

/// <summary>One gate of the evaluation and its outcome.</summary>
sealed partial class GateResult
{
    /// <summary>The gated metric.</summary>
    public string Metric { get; init; } = "";

    /// <summary>The gate's thresholds, e.g. "Min 0.9, MaxDecrease 0.02".</summary>
    public string? Gate { get; init; }

    /// <summary>For a gate on the worst slice: the column the test rows were sliced by.</summary>
    public string? Slice { get; init; }

    /// <summary><c>passed</c>, <c>failed</c>, <c>not-evaluated</c> (a relative gate without a baseline) or <c>warning</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>The value the gate judged.</summary>
    public double? Value { get; init; }

    /// <summary>The baseline's value, for a relative gate.</summary>
    public double? Baseline { get; init; }

    /// <summary>The gate's one-line verdict with the numbers.</summary>
    public string? Message { get; init; }
}

/// <summary>How many expectation lines were checked, and how many failed.</summary>
sealed partial class ExpectationSummary
{
    /// <summary>The lines checked.</summary>
    public int Checked { get; init; }

    /// <summary>The lines whose expectation the model did not meet.</summary>
    public int Failed { get; init; }
}
