using System.Diagnostics;
using Microsoft.ML;
using MlBuild.Worker.Evaluation.Scoring;

namespace MlBuild.Worker.Evaluation;

/// <summary>What running a model costs, measured in this run: single-row latency, batch throughput, and the worker's
/// peak memory.</summary>
internal static class ModelMeta
{
    /// <summary>The outputs an application reads: the predicted label and its score (and a binary classifier's
    /// probability), or a regression's score.</summary>
    public static IReadOnlyList<string> Outputs(ModelTask task) => task switch
    {
        ModelTask.BinaryClassification => ["PredictedLabel", PredictionReader.Score, PredictionReader.Probability],
        ModelTask.MulticlassClassification => ["PredictedLabel", PredictionReader.Score],
        _ => [PredictionReader.Score],
    };

    public static SortedDictionary<string, double> Measure(ITransformer model, IDataView testRows, ModelTask task)
    {
        var outputs = Outputs(task);
        var (p50, p95) = LatencyMeter.Measure(model, testRows, outputs);
        return new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            [MetaMetrics.PredictionLatencyP50Ms] = p50,
            [MetaMetrics.PredictionLatencyP95Ms] = p95,
            [MetaMetrics.ThroughputRowsPerSecond] = ThroughputMeter.Measure(model, testRows, outputs),
        };
    }

    /// <summary>The whole worker's peak working set so far (data, both models, the bootstrap), not the model's alone:
    /// an upper bound of what the model needs, comparable between runs of the same data.</summary>
    public static double PeakMemoryBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
