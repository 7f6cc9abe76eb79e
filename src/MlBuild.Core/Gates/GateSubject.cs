using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>
/// The value a gate judges: the model's metric on the whole test set, or on the worst slice of a column. When
/// there is none, why: a metric the model lacks fails the gate (it can never pass), a column whose slices are all
/// too small to judge does not.
/// </summary>
/// <param name="Problem">Why there is no value; set exactly when <paramref name="Value"/> is null.</param>
/// <param name="Unjudgeable">The missing value passes the gate as not evaluated rather than failing it.</param>
internal sealed record GateSubject(string Subject, double? Value, MetricComparison? Comparison, string? Slice,
    string? Problem, bool Unjudgeable)
{
    public static GateSubject Find(Gate gate, ModelEvaluation evaluation)
    {
        var metric = gate.Metric;
        var name = $"{gate.Model}: {metric.Name}";
        if (gate.Slice is null)
        {
            var comparison = evaluation.Find(metric.Name);
            if (comparison?.Candidate is { } value)
                return new($"{name} {MetricFormat.Value(metric, value)}", value, comparison, null, null, false);
            return Failed($"{name} has no value for this model (ML.NET reports none for its trainer or test set), so the gate cannot pass. Gate another metric, or remove the gate.");
        }

        var slices = evaluation.Result?.Slices.FirstOrDefault(s => s.Column == gate.Slice);
        if (slices is null)
            return Failed($"{name}: the {gate.Slice} slices were not scored in this run, so the gate on its worst slice cannot pass. Check the MlSlice item for {gate.Slice}.");
        if (WorstSlice.Find(slices, metric) is not { } worst)
            return new(name, null, null, null,
                $"{name}: not evaluated: no {gate.Slice} slice has {WorstSlice.MinimumRows} rows or more with a {metric.Name} value.", true);
        var subject = $"{name} {MetricFormat.Value(metric, worst.Value)} on the worst {gate.Slice} slice '{worst.Slice.Value}' ({worst.Slice.Rows} rows)";
        return new(subject, worst.Value, new MetricComparison { Metric = metric, Candidate = worst.Value }, worst.Slice.Value, null, false);

        GateSubject Failed(string problem) => new(name, null, null, null, problem, false);
    }
}
