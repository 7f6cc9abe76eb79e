using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Tests.Evaluation;

/// <summary>ML.NET's own evaluators on predictions given directly, as the reference the worker's metrics must match.</summary>
internal static class MlNetReference
{
    private static readonly MLContext Ml = new(seed: 0);

    public sealed class BinaryRow
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }

    public sealed class MulticlassRow
    {
        public uint Label { get; set; }
        public float[] Score { get; set; } = [];
        public uint PredictedLabel { get; set; }
    }

    public sealed class RegressionRow
    {
        public float Label { get; set; }
        public float Score { get; set; }
    }

    public static Dictionary<string, double> Binary(BinaryPredictions predictions)
    {
        var view = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, predictions.Count).Select(i => new BinaryRow
        {
            Label = predictions.Labels[i],
            Score = predictions.Scores[i],
            Probability = predictions.Probabilities?[i] ?? 0,
            PredictedLabel = predictions.Scores[i] > 0,
        }));
        if (predictions.Probabilities is null)
        {
            var metrics = Ml.BinaryClassification.EvaluateNonCalibrated(view);
            return Counts(metrics);
        }
        var calibrated = Ml.BinaryClassification.Evaluate(view);
        var result = Counts(calibrated);
        result[MetricNames.LogLoss] = calibrated.LogLoss;
        result[MetricNames.LogLossReduction] = calibrated.LogLossReduction;
        return result;
    }

    private static Dictionary<string, double> Counts(BinaryClassificationMetrics metrics) => new()
    {
        [MetricNames.Accuracy] = metrics.Accuracy,
        [MetricNames.AreaUnderRocCurve] = metrics.AreaUnderRocCurve,
        [MetricNames.AreaUnderPrecisionRecallCurve] = metrics.AreaUnderPrecisionRecallCurve,
        [MetricNames.F1Score] = metrics.F1Score,
        [MetricNames.PositivePrecision] = metrics.PositivePrecision,
        [MetricNames.PositiveRecall] = metrics.PositiveRecall,
        [MetricNames.NegativePrecision] = metrics.NegativePrecision,
        [MetricNames.NegativeRecall] = metrics.NegativeRecall,
    };

    /// <summary>ML.NET's multiclass metrics of rows given by class index and scores.</summary>
    public static MulticlassClassificationMetrics Multiclass(int classCount, int[] labels, IReadOnlyList<float[]> scores,
        int topK)
    {
        var schema = SchemaDefinition.Create(typeof(MulticlassRow));
        // LoadFromEnumerable reads a key property as the 0-based class index.
        schema[nameof(MulticlassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        schema[nameof(MulticlassRow.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        schema[nameof(MulticlassRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classCount);
        var view = Ml.Data.LoadFromEnumerable(labels.Select((label, i) => new MulticlassRow
        {
            Label = (uint)label,
            Score = scores[i],
            PredictedLabel = 0,
        }), schema);
        return Ml.MulticlassClassification.Evaluate(view, topKPredictionCount: topK);
    }

    public static Dictionary<string, double> Multiclass(MulticlassClassificationMetrics metrics) => new()
    {
        [MetricNames.MicroAccuracy] = metrics.MicroAccuracy,
        [MetricNames.MacroAccuracy] = metrics.MacroAccuracy,
        [MetricNames.LogLoss] = metrics.LogLoss,
        [MetricNames.LogLossReduction] = metrics.LogLossReduction,
        [MetricNames.TopKAccuracy] = metrics.TopKAccuracy,
    };

    public static Dictionary<string, double> Regression(RegressionPredictions predictions) =>
        Regression(Ml.Regression.Evaluate(Ml.Data.LoadFromEnumerable(Enumerable.Range(0, predictions.Count)
            .Select(i => new RegressionRow { Label = predictions.Labels[i], Score = predictions.Scores[i] }))));

    public static Dictionary<string, double> Regression(RegressionMetrics metrics) => new()
    {
        [MetricNames.RSquared] = metrics.RSquared,
        [MetricNames.MeanAbsoluteError] = metrics.MeanAbsoluteError,
        [MetricNames.MeanSquaredError] = metrics.MeanSquaredError,
        [MetricNames.RootMeanSquaredError] = metrics.RootMeanSquaredError,
    };
}

/// <summary>ML.NET's evaluator on a saved model's scoring of its test rows, loaded as the worker loads them.</summary>
internal static class MlNetModelReference
{
    public static Dictionary<string, double> Evaluate(Protocol.TrainRequest request, string modelPath)
    {
        var ml = new MLContext(seed: request.Seed);
        var task = Enum.Parse<ModelTask>(request.Task);
        var data = Worker.Training.TrainingDataLoader.Load(ml, request, task, default,
            new Worker.Diagnostics.ProgressReporter(TextWriter.Null, request.ModelName));
        var scored = ml.Model.Load(modelPath, out _).Transform(data.TestView);
        var label = data.Selection.Label.Name;
        switch (task)
        {
            case ModelTask.BinaryClassification:
                var binary = ml.BinaryClassification.Evaluate(scored, label);
                return new Dictionary<string, double>
                {
                    [MetricNames.Accuracy] = binary.Accuracy,
                    [MetricNames.AreaUnderRocCurve] = binary.AreaUnderRocCurve,
                    [MetricNames.AreaUnderPrecisionRecallCurve] = binary.AreaUnderPrecisionRecallCurve,
                    [MetricNames.F1Score] = binary.F1Score,
                    [MetricNames.PositivePrecision] = binary.PositivePrecision,
                    [MetricNames.PositiveRecall] = binary.PositiveRecall,
                    [MetricNames.NegativePrecision] = binary.NegativePrecision,
                    [MetricNames.NegativeRecall] = binary.NegativeRecall,
                    [MetricNames.LogLoss] = binary.LogLoss,
                    [MetricNames.LogLossReduction] = binary.LogLossReduction,
                };
            case ModelTask.MulticlassClassification:
                var classes = ((Microsoft.ML.Data.VectorDataViewType)scored.Schema["Score"].Type).Size;
                return MlNetReference.Multiclass(ml.MulticlassClassification.Evaluate(scored, label,
                    topKPredictionCount: MulticlassPredictions.DefaultTopK(classes)));
            default:
                return MlNetReference.Regression(ml.Regression.Evaluate(scored, label));
        }
    }
}
