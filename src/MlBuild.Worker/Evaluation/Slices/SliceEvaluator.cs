using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Bootstrap;
using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Evaluation.Slices;

/// <summary>
/// Metrics per value of a column: the <c>MaxValues</c> most frequent values of the column in the test rows get a slice
/// each (ties by value, ordinal), the other rows one slice named "(other)"; each slice gets the task's metrics with
/// bootstrap intervals on its own rows, and the worst slice is named.
/// </summary>
internal static class SliceEvaluator
{
    public const string Other = "(other)";

    /// <summary>A slice smaller than this is reported but never called the worst: its metrics are mostly noise.</summary>
    public const int MinRowsForWorst = 5;

    /// <param name="values">The column's value in each test row, as text.</param>
    /// <param name="baseline">The baseline's predictions on the same rows, or null.</param>
    public static SliceResult Evaluate(string column, IReadOnlyList<string> values, int maxValues,
        IPredictions predictions, IPredictions? baseline, ModelTask task, int resamples, int seed)
    {
        var slices = Group(values, Math.Max(1, maxValues))
            .Select(group =>
            {
                var sets = new[] { predictions, baseline }.OfType<IPredictions>()
                    .Select(p => p.Subset(group.Rows).CreateMetrics()).ToList();
                var bootstrap = Bootstrapper.Run(sets, resamples, seed);
                return new SliceValue
                {
                    Value = group.Value,
                    Rows = group.Rows.Count,
                    Metrics = bootstrap.Estimates(0),
                    BaselineMetrics = baseline is null ? null : bootstrap.Estimates(1),
                };
            })
            .ToList();
        return new SliceResult { Column = column, Values = slices, Worst = Worst(slices, task) };
    }

    /// <summary>The rows of each slice, in row order: the most frequent values first, then "(other)" if any row is left.</summary>
    public static IReadOnlyList<(string Value, List<int> Rows)> Group(IReadOnlyList<string> values, int maxValues)
    {
        var rowsByValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < values.Count; row++)
        {
            if (!rowsByValue.TryGetValue(values[row], out var rows))
                rowsByValue[values[row]] = rows = [];
            rows.Add(row);
        }
        var ranked = rowsByValue.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var groups = ranked.Take(maxValues).Select(p => (p.Key, p.Value)).ToList();
        var rest = ranked.Skip(maxValues).SelectMany(p => p.Value).Order().ToList();
        if (rest.Count > 0)
            groups.Add((Other, rest));
        return groups;
    }

    /// <summary>
    /// The slice with the worst primary metric, among those of at least <see cref="MinRowsForWorst"/> rows (the first
    /// listed, on a tie). Binary: the lowest AreaUnderRocCurve, or Accuracy for a slice with one class only (which has
    /// no AUC). Multiclass: the lowest MacroAccuracy. Regression: the highest RootMeanSquaredError, not the lowest
    /// RSquared: R² compares the errors with the spread of the labels within the slice, so a slice whose labels vary
    /// little (one rate code of taxi fares, say) looks bad however small its errors, and small slices make it swing widely.
    /// </summary>
    public static string? Worst(IReadOnlyList<SliceValue> slices, ModelTask task)
    {
        string? worst = null;
        var worstScore = double.PositiveInfinity;
        foreach (var slice in slices.Where(s => s.Rows >= MinRowsForWorst))
        {
            // Lower is worse for every score.
            double? score = task switch
            {
                ModelTask.BinaryClassification =>
                    (slice.Metrics.GetValueOrDefault(MetricNames.AreaUnderRocCurve) ?? slice.Metrics.GetValueOrDefault(MetricNames.Accuracy))?.Value,
                ModelTask.MulticlassClassification => slice.Metrics.GetValueOrDefault(MetricNames.MacroAccuracy)?.Value,
                _ => -slice.Metrics.GetValueOrDefault(MetricNames.RootMeanSquaredError)?.Value,
            };
            if (score is { } s && s < worstScore)
                (worst, worstScore) = (slice.Value, s);
        }
        return worst;
    }
}
