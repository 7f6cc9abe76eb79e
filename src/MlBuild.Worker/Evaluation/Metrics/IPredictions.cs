namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>One model's predictions on the test rows, with their actual labels, in the rows' order.</summary>
internal interface IPredictions
{
    int Count { get; }

    /// <summary>The predictions of the given rows only (a slice), in that order.</summary>
    IPredictions Subset(IReadOnlyList<int> rows);

    IMetricSet CreateMetrics();
}
