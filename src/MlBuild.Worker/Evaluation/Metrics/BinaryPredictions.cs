namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>A binary classifier's predictions on the test rows, in row order. <see cref="Probabilities"/> is null for
/// a model without a Probability column (perceptrons, SVMs): then there is no log-loss.</summary>
internal sealed record BinaryPredictions(bool[] Labels, float[] Scores, float[]? Probabilities) : IPredictions
{
    public int Count => Labels.Length;

    /// <summary>The class a row is predicted as, by ML.NET's evaluator: positive when the score is above 0 (the
    /// default threshold of ML.NET's binary scorers, on the raw score, not the probability).</summary>
    public bool PredictedPositive(int row) => Scores[row] > 0;

    public IPredictions Subset(IReadOnlyList<int> rows) => new BinaryPredictions(
        rows.Select(r => Labels[r]).ToArray(),
        rows.Select(r => Scores[r]).ToArray(),
        Probabilities is null ? null : rows.Select(r => Probabilities[r]).ToArray());

    public IMetricSet CreateMetrics() => new BinaryMetricSet(this);
}
