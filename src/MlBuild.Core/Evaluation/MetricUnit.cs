namespace MlBuild.Core.Evaluation;

/// <summary>What a metric's number measures, for formatting it and its deltas.</summary>
internal enum MetricUnit
{
    /// <summary>A share in [0, 1] (accuracy, AUC, precision…): deltas are shown in percentage points.</summary>
    Rate,
    /// <summary>A plain number without fixed bounds (LogLoss, RSquared, errors).</summary>
    Number,
    Seconds,
    Milliseconds,
    Bytes,
    RowsPerSecond,
}
