namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>
/// A multiclass classifier's predictions on the test rows, in row order, reduced to what the metrics need: the actual
/// and the predicted class (by index; −1 for a row whose scores are not all finite, which ML.NET skips), the row's
/// log-loss, and whether the actual class is among the <see cref="TopK"/> highest scores.
/// </summary>
internal sealed record MulticlassPredictions(int ClassCount, int TopK, int[] Labels, int[] Predicted, double[] LogLoss,
    bool[] InTopK) : IPredictions
{
    // ML.NET's clipping of the probability of the actual class (a Single 1e-15), so a certain, wrong prediction
    // costs about 34.5 nats instead of infinity.
    private const float Epsilon = (float)1e-15;

    /// <summary>ML.NET's TopKPredictionCount: 3, or the number of classes when there are fewer.</summary>
    public static int DefaultTopK(int classCount) => Math.Min(3, classCount);

    /// <summary>Reduces each row's scores (one per class) as ML.NET's MulticlassClassificationEvaluator does: classes
    /// ranked by descending score, ties by class index (a stable sort), the first of them predicted; log-loss is
    /// −ln of the actual class's score, clipped to [1e-15, 1].</summary>
    public static MulticlassPredictions FromScores(int classCount, int[] labels, IReadOnlyList<float[]> scores, int topK)
    {
        var n = labels.Length;
        var (predicted, logLoss, inTopK) = (new int[n], new double[n], new bool[n]);
        for (var row = 0; row < n; row++)
        {
            var s = scores[row];
            if (!s.All(float.IsFinite))
            {
                predicted[row] = -1;
                continue;
            }
            var best = 0;
            for (var c = 1; c < s.Length; c++)
                if (s[c] > s[best])
                    best = c;
            predicted[row] = best;
            var label = labels[row];
            if (label >= s.Length)
            {
                // A class the model has no score for (a baseline trained on other classes): never right, and the
                // log-loss of a certain mistake, as ML.NET counts it.
                logLoss[row] = -Math.Log(Epsilon);
                continue;
            }
            // The actual class's rank: classes scoring above it, and tied classes before it.
            var rank = 0;
            for (var c = 0; c < s.Length; c++)
                if (s[c] > s[label] || (s[c] == s[label] && c < label))
                    rank++;
            inTopK[row] = rank < topK;
            logLoss[row] = -Math.Log(Math.Min(1, Math.Max(Epsilon, s[label])));
        }
        return new MulticlassPredictions(classCount, topK, labels, predicted, logLoss, inTopK);
    }

    public int Count => Labels.Length;

    public IPredictions Subset(IReadOnlyList<int> rows) => new MulticlassPredictions(ClassCount, TopK,
        rows.Select(r => Labels[r]).ToArray(), rows.Select(r => Predicted[r]).ToArray(),
        rows.Select(r => LogLoss[r]).ToArray(), rows.Select(r => InTopK[r]).ToArray());

    public IMetricSet CreateMetrics() => new MulticlassMetricSet(this);
}
