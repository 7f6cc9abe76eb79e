namespace MlBuild.Core.Evaluation;

/// <summary>One metric of one model: the candidate's value, the baseline's, the change and whether it is real.</summary>
internal sealed record MetricComparison
{
    public required MetricDefinition Metric { get; init; }
    public double? Candidate { get; init; }
    public ValueInterval? CandidateInterval { get; init; }
    public double? Baseline { get; init; }
    public ValueInterval? BaselineInterval { get; init; }
    /// <summary>The paired 95% interval of the change, when both models were scored on the same rows.</summary>
    public ValueInterval? DeltaInterval { get; init; }
    public Significance Significance { get; init; } = Significance.NoBaseline;
    public SignificanceBasis SignificanceBasis { get; init; }

    public string Name => Metric.Name;

    /// <summary>Candidate minus baseline; a difference at the level of floating-point rounding (the same model's
    /// metric computed once by ML.NET and once by the worker's bootstrap code) is no change.</summary>
    public double? Delta => Candidate - Baseline is { } delta
        ? Math.Abs(delta) <= 1e-9 * Math.Max(1, Math.Abs(Baseline!.Value)) ? 0 : delta
        : null;

    /// <summary>The change relative to the baseline, in percent; infinite when the baseline is 0 and the value moved.</summary>
    public double? DeltaPercent => Delta is not { } delta || Baseline is not { } baseline ? null
        : baseline == 0 ? (delta == 0 ? 0 : double.CopySign(double.PositiveInfinity, delta))
        : delta / Math.Abs(baseline) * 100;

    /// <summary>The change makes the model worse (by the metric's direction).</summary>
    public bool IsRegression => Delta is { } delta && Metric.Worsening(delta) > 0;

    public bool IsSignificantRegression => IsRegression && Significance == Significance.Significant;

    /// <summary>Why the change is (not) significant, in words for a report.</summary>
    public string SignificanceReason => (Significance, SignificanceBasis) switch
    {
        (Significance.NoBaseline, _) => "no baseline value",
        (_, SignificanceBasis.SameModel) => "the candidate is the baseline model",
        (_, SignificanceBasis.Exact) => "an exact measurement: any change is real",
        (Significance.Significant, SignificanceBasis.PairedInterval) => "the paired 95% interval of the change excludes 0",
        (_, SignificanceBasis.PairedInterval) => "the paired 95% interval of the change includes 0",
        (Significance.Significant, SignificanceBasis.BaselineInterval) => "the value lies outside the baseline's 95% interval",
        (_, SignificanceBasis.BaselineInterval) => "the value lies inside the baseline's 95% interval",
        _ => "unknown: the baseline model was not scored in this run and its lock entry records no interval",
    };
}
