using Microsoft.ML;

namespace MlBuild.Worker.Training;

/// <summary>The test-set metrics of each task, by ML.NET's names. Non-finite values (a precision with no positive
/// prediction, say) are left out: JSON has no NaN, and a gate cannot compare one.</summary>
internal static class MetricsEvaluator
{
    public static SortedDictionary<string, double> Evaluate(MLContext ml, ModelTask task, IDataView scored, string label)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        void Add(string name, double value)
        {
            if (double.IsFinite(value))
                metrics[name] = value;
        }

        switch (task)
        {
            case ModelTask.BinaryClassification:
                // Perceptrons and SVMs give no Probability column; their scores are not calibrated.
                var binary = scored.Schema.GetColumnOrNull("Probability") is null
                    ? ml.BinaryClassification.EvaluateNonCalibrated(scored, label)
                    : ml.BinaryClassification.Evaluate(scored, label);
                Add(MetricNames.Accuracy, binary.Accuracy);
                Add(MetricNames.AreaUnderRocCurve, binary.AreaUnderRocCurve);
                Add(MetricNames.AreaUnderPrecisionRecallCurve, binary.AreaUnderPrecisionRecallCurve);
                Add(MetricNames.F1Score, binary.F1Score);
                Add(MetricNames.PositivePrecision, binary.PositivePrecision);
                Add(MetricNames.PositiveRecall, binary.PositiveRecall);
                Add(MetricNames.NegativePrecision, binary.NegativePrecision);
                Add(MetricNames.NegativeRecall, binary.NegativeRecall);
                if (binary is Microsoft.ML.Data.CalibratedBinaryClassificationMetrics calibrated)
                {
                    Add(MetricNames.LogLoss, calibrated.LogLoss);
                    Add(MetricNames.LogLossReduction, calibrated.LogLossReduction);
                }
                break;
            case ModelTask.MulticlassClassification:
                var multiclass = ml.MulticlassClassification.Evaluate(scored, label);
                Add(MetricNames.MicroAccuracy, multiclass.MicroAccuracy);
                Add(MetricNames.MacroAccuracy, multiclass.MacroAccuracy);
                Add(MetricNames.LogLoss, multiclass.LogLoss);
                Add(MetricNames.LogLossReduction, multiclass.LogLossReduction);
                break;
            case ModelTask.Regression:
                var regression = ml.Regression.Evaluate(scored, label);
                Add(MetricNames.RSquared, regression.RSquared);
                Add(MetricNames.MeanAbsoluteError, regression.MeanAbsoluteError);
                Add(MetricNames.MeanSquaredError, regression.MeanSquaredError);
                Add(MetricNames.RootMeanSquaredError, regression.RootMeanSquaredError);
                break;
        }
        return metrics;
    }
}
