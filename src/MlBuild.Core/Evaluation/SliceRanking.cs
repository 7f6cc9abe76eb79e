using MlBuild.Definitions;
using MlBuild.Protocol;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// The metric the worker ranks slices by to name the worst (SliceEvaluator.Worst): a binary classifier's
/// AreaUnderRocCurve (Accuracy for a slice with one class only, which has no AUC), a multiclass classifier's
/// MacroAccuracy, a regression's RootMeanSquaredError (not RSquared, which compares the errors with the spread of the
/// labels within the slice). A report that says why a slice is the worst must quote this metric, not the primary one.
/// </summary>
internal static class SliceRanking
{
    public static (MetricDefinition Metric, double Value)? RankedBy(SliceValue slice, string task)
    {
        IEnumerable<string> names = task switch
        {
            ModelTasks.BinaryClassification => [MetricNames.AreaUnderRocCurve, MetricNames.Accuracy],
            ModelTasks.MulticlassClassification => [MetricNames.MacroAccuracy],
            ModelTasks.Regression => [MetricNames.RootMeanSquaredError],
            _ => [],
        };
        foreach (var name in names)
            if (slice.Metrics.TryGetValue(name, out var estimate) && double.IsFinite(estimate.Value))
                return (MetricCatalog.Describe(name), estimate.Value);
        return null;
    }
}
