namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>
/// The multiclass metrics of ML.NET's MulticlassClassificationEvaluator, for weighted rows: MicroAccuracy (share of
/// rows predicted right), MacroAccuracy (mean recall over the classes present in the rows), LogLoss (mean natural
/// log-loss, clipped as in <see cref="MulticlassPredictions"/>), LogLossReduction ((H − LogLoss) / H, H the entropy
/// in nats of the rows' own class balance, not multiplied by 100) and TopKAccuracy (share of rows whose class is among
/// the k highest scores).
/// </summary>
internal sealed class MulticlassMetricSet : IMetricSet
{
    private static readonly string[] MetricNamesInOrder =
    [
        MetricNames.MicroAccuracy, MetricNames.MacroAccuracy, MetricNames.LogLoss, MetricNames.LogLossReduction,
        MetricNames.TopKAccuracy,
    ];

    private readonly MulticlassPredictions _predictions;

    public MulticlassMetricSet(MulticlassPredictions predictions)
    {
        _predictions = predictions;
    }

    public IReadOnlyList<string> Names => MetricNamesInOrder;

    public int Rows => _predictions.Count;

    public void Compute(ReadOnlySpan<int> weights, Span<double> values)
    {
        var (labels, predicted, logLoss, inTopK) =
            (_predictions.Labels, _predictions.Predicted, _predictions.LogLoss, _predictions.InTopK);
        var classWeight = new double[_predictions.ClassCount];
        var classCorrect = new double[_predictions.ClassCount];
        double total = 0, correct = 0, topK = 0, loss = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            double w = weights[i];
            if (w == 0 || predicted[i] < 0)
                continue;
            total += w;
            loss += w * logLoss[i];
            // ML.NET leaves a class the model has no score for out of the per-class sums.
            if (labels[i] < classWeight.Length)
                classWeight[labels[i]] += w;
            if (predicted[i] == labels[i])
            {
                correct += w;
                classCorrect[labels[i]] += w;
            }
            if (inTopK[i])
                topK += w;
        }

        double recalls = 0, entropy = 0;
        var present = 0;
        for (var c = 0; c < classWeight.Length; c++)
        {
            if (classWeight[c] <= 0)
                continue;
            present++;
            recalls += classCorrect[c] / classWeight[c];
            entropy -= classWeight[c] * Math.Log(classWeight[c] / total);
        }
        entropy /= total;
        values[0] = correct / total;
        values[1] = recalls / present;
        values[2] = loss / total;
        values[3] = (entropy - values[2]) / entropy;
        values[4] = topK / total;
    }
}
