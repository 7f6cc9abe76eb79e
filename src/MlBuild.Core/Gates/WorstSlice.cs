using MlBuild.Protocol;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>
/// The slice a Slice gate judges: the value of the column where the gate's metric is worst. A slice of fewer
/// than <see cref="MinimumRows"/> rows never counts, as in the worker: its metric is mostly noise.
/// </summary>
internal static class WorstSlice
{
    public const int MinimumRows = 5;

    public static (SliceValue Slice, double Value)? Find(SliceResult slices, MetricDefinition metric)
    {
        var candidates = slices.Values
            .Where(s => s.Rows >= MinimumRows && s.Metrics.ContainsKey(metric.Name))
            .Select(s => (Slice: s, Value: s.Metrics[metric.Name].Value))
            .ToList();
        if (candidates.Count == 0)
            return null;
        return metric.Direction == MetricDirection.LowerIsBetter
            ? candidates.MaxBy(c => c.Value)
            : candidates.MinBy(c => c.Value);
    }
}
