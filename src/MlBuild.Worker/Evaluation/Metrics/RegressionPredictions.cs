namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>A regression model's predictions on the test rows, in row order.</summary>
internal sealed record RegressionPredictions(float[] Labels, float[] Scores) : IPredictions
{
    public int Count => Labels.Length;

    public IPredictions Subset(IReadOnlyList<int> rows) =>
        new RegressionPredictions(rows.Select(r => Labels[r]).ToArray(), rows.Select(r => Scores[r]).ToArray());

    public IMetricSet CreateMetrics() => new RegressionMetricSet(this);
}
