// The contract of the worker's `evaluate` command, between the Evaluate target's tasks (which resolve the
// baseline, decide what to evaluate and apply the gates) and the worker (which scores models with ML.NET).
// In the contracts assembly, like WorkerProtocol.cs.
using MlBuild.Definitions;

namespace MlBuild.Protocol;

/// <summary>Evaluate one model (and, when it can be had, its baseline model) on the model's test data.</summary>
public sealed record EvaluateRequest
{
    /// <summary>How to read the data and which rows are the test set: the same request the model was trained
    /// with (the test set is TestData, or the same seeded split of TrainData). Its ModelOutputPath and
    /// ResultOutputPath are unused.</summary>
    public required TrainRequest Data { get; init; }

    /// <summary>The columns, label and classes the lock file recorded when the candidate was trained: the test data is
    /// read with them. Null for an entry written before they were recorded (the training data is then read again).</summary>
    public RecordedSchema? Schema { get; init; }

    /// <summary>The candidate model (the one the build just trained or restored).</summary>
    public required string ModelPath { get; init; }

    /// <summary>The baseline model, when the cache has it: then every delta is a paired comparison on the same
    /// test rows. Null otherwise.</summary>
    public string? BaselineModelPath { get; init; }

    /// <summary>Bootstrap resamples of the test rows for the 95% intervals (seeded with Data.Seed).</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Columns to report metrics for, per value.</summary>
    public IReadOnlyList<SliceRequest> Slices { get; init; } = [];

    /// <summary>Expectation files (JSON lines: an input and the prediction it must get).</summary>
    public IReadOnlyList<ExpectationRequest> Expectations { get; init; } = [];

    /// <summary>The candidate's data profile (its training data's distributions), when it has one: the report compares
    /// the test rows' features with it, counted in the scoring pass.</summary>
    public string? ProfilePath { get; init; }

    /// <summary>Where the worker writes its <see cref="EvaluateResult"/> as JSON, last of all.</summary>
    public required string ResultOutputPath { get; init; }
}

public sealed record SliceRequest
{
    public required string Column { get; init; }
    /// <summary>The most frequent values get a slice each; the rest are grouped as "(other)".</summary>
    public int MaxValues { get; init; } = 10;
    /// <summary>Where the MlSlice item is declared, for errors (unknown column).</summary>
    public required string ProjectFile { get; init; }
    public int ItemLine { get; init; }
}

public sealed record ExpectationRequest
{
    /// <summary>Absolute path of a JSON-lines file: each line {"input": {column: value…}, "expect": …}, where
    /// expect is a class (string, number or bool) or {"min": x, "max": y} for regression.</summary>
    public required string File { get; init; }
    public required string ProjectFile { get; init; }
    public int ItemLine { get; init; }
}

/// <summary>A metric's value on the test set, with its 95% bootstrap interval.</summary>
public sealed record MetricEstimate(double Value, double Low, double High);

/// <summary>Candidate minus baseline on the same resampled rows: a paired 95% interval of the difference.</summary>
public sealed record PairedDelta(double Delta, double Low, double High)
{
    /// <summary>The interval excludes zero.</summary>
    public bool Significant => Low > 0 || High < 0;
}

public sealed record EvaluateResult
{
    /// <summary>Changes when a result gains what an older one lacks (the plots): part of the evaluation cache's key,
    /// so that a result cached by an older MlBuild of the same version is computed again.</summary>
    public const int FormatVersion = 2;

    public int TestRows { get; init; }
    /// <summary>Every metric ML.NET offers for the task, by ML.NET's names (binary: Accuracy, AreaUnderRocCurve,
    /// AreaUnderPrecisionRecallCurve, F1Score, PositivePrecision, PositiveRecall, NegativePrecision,
    /// NegativeRecall, LogLoss, LogLossReduction; multiclass: MicroAccuracy, MacroAccuracy, LogLoss,
    /// LogLossReduction, TopKAccuracy; regression: RSquared, MeanAbsoluteError, MeanSquaredError,
    /// RootMeanSquaredError).</summary>
    public required SortedDictionary<string, MetricEstimate> Metrics { get; init; }
    /// <summary>The baseline model's metrics on the same rows (when BaselineModelPath was given).</summary>
    public SortedDictionary<string, MetricEstimate>? BaselineMetrics { get; init; }
    /// <summary>Paired deltas, candidate minus baseline (when BaselineModelPath was given).</summary>
    public SortedDictionary<string, PairedDelta>? Deltas { get; init; }
    /// <summary>Measured in this run: PredictionLatencyP50Ms, PredictionLatencyP95Ms (single row, prediction
    /// engine), ThroughputRowsPerSecond (batch transform), PeakMemoryBytes (the worker's peak working set).</summary>
    public required SortedDictionary<string, double> Meta { get; init; }
    /// <summary>The baseline model's latency and throughput, measured in the same run (when given).</summary>
    public SortedDictionary<string, double>? BaselineMeta { get; init; }
    /// <summary>Multiclass: per class (its label value as text): Precision, Recall, F1Score, Support.</summary>
    public SortedDictionary<string, SortedDictionary<string, double>>? PerClass { get; init; }
    /// <summary>Multiclass and binary: class labels (as text) and counts[actual][predicted].</summary>
    public ConfusionMatrix? Confusion { get; init; }
    /// <summary>The baseline's per-class metrics and confusion matrix on the same rows (when given).</summary>
    public SortedDictionary<string, SortedDictionary<string, double>>? BaselinePerClass { get; init; }
    public ConfusionMatrix? BaselineConfusion { get; init; }
    /// <summary>The points of the HTML report's plots: the candidate's, and the baseline's on the same rows.</summary>
    public ModelPlots? Plots { get; init; }
    public ModelPlots? BaselinePlots { get; init; }
    /// <summary>Each profiled feature of the test rows against the training data's profile (empty without one).</summary>
    public IReadOnlyList<FeatureDistribution> Features { get; init; } = [];
    public IReadOnlyList<SliceResult> Slices { get; init; } = [];
    public IReadOnlyList<ExpectationFailure> FailedExpectations { get; init; } = [];
    public int ExpectationsChecked { get; init; }
}

public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<long>> Counts);

public sealed record SliceResult
{
    public required string Column { get; init; }
    public required IReadOnlyList<SliceValue> Values { get; init; }
    /// <summary>The value whose primary metric is worst (fewer than 5 rows never count as worst).</summary>
    public string? Worst { get; init; }
}

public sealed record SliceValue
{
    public required string Value { get; init; }
    public int Rows { get; init; }
    public required SortedDictionary<string, MetricEstimate> Metrics { get; init; }
    /// <summary>The baseline's metrics on the same rows (when given).</summary>
    public SortedDictionary<string, MetricEstimate>? BaselineMetrics { get; init; }
}

public sealed record ExpectationFailure
{
    public required string File { get; init; }
    public int Line { get; init; }
    public required string Expected { get; init; }
    public required string Actual { get; init; }
}
