using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>
/// A model without any gate still deserves a word when it got clearly worse: a significant regression of its
/// task's primary metric is a warning (MLB5017) that names the gate that would have caught it.
/// </summary>
internal static class UngatedRegression
{
    /// <param name="modelLocation">The MlModel element, where the warning points.</param>
    public static GateOutcome? Check(ModelEvaluation evaluation, SourceLocation modelLocation)
    {
        if (MetricCatalog.PrimaryMetric(evaluation.Task) is not { } primary
            || evaluation.Find(primary.Name) is not { IsSignificantRegression: true } comparison)
            return null;
        var metric = comparison.Metric;
        var verb = comparison.Delta < 0 ? "fell" : "rose";
        var suggestion = metric.Direction == MetricDirection.LowerIsBetter ? "MaxIncrease" : "MaxDecrease";
        return new GateOutcome
        {
            Model = evaluation.Name,
            Metric = metric,
            Status = GateStatus.Warning,
            Location = modelLocation,
            Value = comparison.Candidate,
            Baseline = comparison.Baseline,
            Message = $"{evaluation.Name}: {metric.Name} {MetricFormat.Value(metric, comparison.Candidate!.Value)} {verb} by " +
                      $"{MetricFormat.Amount(metric, comparison.Delta!.Value)} from {MetricFormat.Value(metric, comparison.Baseline!.Value)}, " +
                      $"a significant regression ({comparison.SignificanceReason}), and no MlGate guards {evaluation.Name}. " +
                      $"Add <MlGate Include=\"{evaluation.Name}\" Metric=\"{metric.Name}\" {suggestion}=\"…\" /> to fail the build on such a change.",
        };
    }
}
