namespace MlBuild.Worker.Evaluation.Metrics;

/// <summary>
/// The metrics of one model's predictions on a fixed set of rows, computed for any integer weight per row: all ones
/// for the test set itself, a bootstrap resample's counts for a resample (a row drawn three times weighs 3), so a
/// resample never copies rows. Each computation is O(<see cref="Rows"/>); any sorting happens once, up front.
/// </summary>
internal interface IMetricSet
{
    /// <summary>The metric names, by ML.NET's names, in the order <see cref="Compute"/> writes them.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The number of rows a weight vector covers.</summary>
    int Rows { get; }

    /// <summary>Writes each metric of <see cref="Names"/> for these row weights; NaN where it is undefined (a
    /// resample with one class only has no AUC).</summary>
    void Compute(ReadOnlySpan<int> weights, Span<double> values);
}
