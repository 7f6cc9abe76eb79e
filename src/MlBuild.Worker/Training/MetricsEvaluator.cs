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
                Add("Accuracy", binary.Accuracy);
                Add("AreaUnderRocCurve", binary.AreaUnderRocCurve);
                Add("AreaUnderPrecisionRecallCurve", binary.AreaUnderPrecisionRecallCurve);
                Add("F1Score", binary.F1Score);
                Add("PositivePrecision", binary.PositivePrecision);
                Add("PositiveRecall", binary.PositiveRecall);
                Add("NegativePrecision", binary.NegativePrecision);
                Add("NegativeRecall", binary.NegativeRecall);
                if (binary is Microsoft.ML.Data.CalibratedBinaryClassificationMetrics calibrated)
                {
                    Add("LogLoss", calibrated.LogLoss);
                    Add("LogLossReduction", calibrated.LogLossReduction);
                }
                break;
            case ModelTask.MulticlassClassification:
                var multiclass = ml.MulticlassClassification.Evaluate(scored, label);
                Add("MicroAccuracy", multiclass.MicroAccuracy);
                Add("MacroAccuracy", multiclass.MacroAccuracy);
                Add("LogLoss", multiclass.LogLoss);
                Add("LogLossReduction", multiclass.LogLossReduction);
                break;
            case ModelTask.Regression:
                var regression = ml.Regression.Evaluate(scored, label);
                Add("RSquared", regression.RSquared);
                Add("MeanAbsoluteError", regression.MeanAbsoluteError);
                Add("MeanSquaredError", regression.MeanSquaredError);
                Add("RootMeanSquaredError", regression.RootMeanSquaredError);
                break;
        }
        return metrics;
    }
}
