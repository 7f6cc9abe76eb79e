using MlBuild.Core.Declarations;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Gates;

/// <summary>
/// Applies gates to evaluated models. Absolute thresholds (Min, Max) always apply; relative ones need a baseline
/// value and limit a regression, which follows the metric's direction. Every outcome carries a one-line message
/// with the numbers, so a failed build says exactly what moved and by how much.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>Every gate's outcome, then a warning for each model that no gate guards and whose primary metric
    /// regressed significantly.</summary>
    /// <param name="projectFile">For the warnings' location (the MlModel element).</param>
    public static IReadOnlyList<GateOutcome> EvaluateAll(IEnumerable<Gate> gates, IEnumerable<ModelEvaluation> evaluations,
        string projectFile)
    {
        var gateList = gates.ToList();
        var byModel = evaluations.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var outcomes = gateList.Select(gate => byModel.TryGetValue(gate.Model, out var evaluation)
            ? Evaluate(gate, evaluation)
            : new GateOutcome
            {
                Model = gate.Model, Metric = gate.Metric, Gate = gate, Status = GateStatus.NotEvaluated, Location = gate.Location,
                Message = $"{gate.Model}: the gate on {gate.Metric.Name} was not evaluated: the model has no evaluation in this run.",
            }).ToList();

        var gated = gateList.Select(g => g.Model).ToHashSet(StringComparer.Ordinal);
        foreach (var evaluation in byModel.Values.Where(e => !gated.Contains(e.Name)))
        {
            if (UngatedRegression.Check(evaluation, ItemLocator.Find(projectFile, "MlModel", evaluation.Name)) is { } warning)
                outcomes.Add(warning);
        }
        return outcomes;
    }

    public static GateOutcome Evaluate(Gate gate, ModelEvaluation evaluation)
    {
        var judged = GateSubject.Find(gate, evaluation);
        var outcome = new GateOutcome
        {
            Model = gate.Model, Metric = gate.Metric, Gate = gate, Location = gate.Location,
            Status = GateStatus.Failed, Message = judged.Problem ?? "",
            Value = judged.Value, Baseline = judged.Comparison?.Baseline, SliceValue = judged.Slice,
        };
        // No value to judge: the subject says why, and whether that fails the gate.
        if (judged.Value is not { } value)
            return outcome with { Status = judged.Unjudgeable ? GateStatus.NotEvaluated : GateStatus.Failed };

        var checks = new List<Check>();
        if (gate.Min is { } min)
            checks.Add(value < min - Tolerance(min)
                ? Check.Broken($"is below the minimum {MetricFormat.Value(gate.Metric, min)}")
                : Check.Kept($"meets the minimum {MetricFormat.Value(gate.Metric, min)}"));
        if (gate.Max is { } max)
            checks.Add(value > max + Tolerance(max)
                ? Check.Broken($"is above the maximum {MetricFormat.Value(gate.Metric, max)}")
                : Check.Kept($"is within the maximum {MetricFormat.Value(gate.Metric, max)}"));
        if (gate.HasRelativeThreshold)
            checks.Add(CheckChange(gate, evaluation, judged.Comparison!));

        var subject = judged.Subject;
        if (checks.Any(c => c.IsBroken))
            return outcome with { Message = subject + " " + string.Join(", and ", checks.Where(c => c.IsBroken).Select(c => c.Text)) };
        if (checks.All(c => c.IsSkipped))
            return outcome with { Status = GateStatus.NotEvaluated, Message = subject + "; " + string.Join("; ", checks.Select(c => c.Text)) };
        var kept = checks.Where(c => !c.IsSkipped).Select(c => c.Text);
        var skipped = checks.Where(c => c.IsSkipped).Select(c => "; " + c.Text);
        return outcome with { Status = GateStatus.Passed, Message = subject + " " + string.Join(", and ", kept) + string.Concat(skipped) };
    }

    private static Check CheckChange(Gate gate, ModelEvaluation evaluation, MetricComparison comparison)
    {
        var metric = gate.Metric;
        var thresholds = string.Join(" and ", new[]
        {
            gate.MaxDecrease is null ? null : GateMetadata.MaxDecrease, gate.MaxIncrease is null ? null : GateMetadata.MaxIncrease,
            gate.MaxDecreasePercent is null ? null : GateMetadata.MaxDecreasePercent, gate.MaxIncreasePercent is null ? null : GateMetadata.MaxIncreasePercent,
        }.OfType<string>());
        if (comparison.Baseline is not { } baseline || comparison.Delta is not { } delta)
            return Check.Skipped($"{thresholds} not evaluated: {NoBaselineReason(evaluation, metric)}");

        var worsening = metric.Worsening(delta);
        var percent = baseline == 0 ? (worsening > 0 ? double.PositiveInfinity : 0) : worsening / Math.Abs(baseline) * 100;
        var broken = gate.AllowedChange is { } allowed && worsening > allowed + Tolerance(allowed)
                     || gate.AllowedPercent is { } allowedPercent && percent > allowedPercent + Tolerance(allowedPercent);

        var text = ChangeText(gate, comparison, delta, baseline);
        if (worsening > 0)
        {
            var allowances = new[]
            {
                gate.AllowedChange is { } a ? MetricFormat.Amount(metric, a) : null,
                gate.AllowedPercent is { } p ? MetricFormat.Threshold(p) + " %" : null,
            };
            text += "; allowed " + string.Join(" and ", allowances.OfType<string>());
        }
        if (broken && gate.OnlyWhenSignificant)
        {
            if (comparison.Significance == Significance.NotSignificant)
                return Check.Kept(text + $", but the change is not significant ({comparison.SignificanceReason})");
            if (comparison.Significance != Significance.Significant)
                text += " (significance unknown: treated as significant)";
        }
        return broken ? Check.Broken(text) : Check.Kept(text);
    }

    /// <summary>"fell by 0.0310 from 0.9020", "rose by 35.0 % from 1.42 ms", "fell by 0.0310 (3.4 %) from 0.9020".</summary>
    private static string ChangeText(Gate gate, MetricComparison comparison, double delta, double baseline)
    {
        var metric = gate.Metric;
        var from = MetricFormat.Value(metric, baseline);
        if (delta == 0)
            return $"is unchanged from {from}";
        var verb = delta < 0 ? "fell" : "rose";
        var percent = comparison.DeltaPercent is { } p ? MetricFormat.Percent(Math.Abs(p), signed: false) : null;
        var amount = gate.AllowedChange is null && percent is not null ? percent
            : gate.AllowedPercent is not null && percent is not null ? $"{MetricFormat.Amount(metric, delta)} ({percent})"
            : MetricFormat.Amount(metric, delta);
        return $"{verb} by {amount} from {from}";
    }

    private static string NoBaselineReason(ModelEvaluation evaluation, MetricDefinition metric) => evaluation.BaselineStatus switch
    {
        BaselineStatus.NoBaseline => "no baseline",
        BaselineStatus.NotInBaseline => $"no baseline ({evaluation.Name} is not in the baseline lock file)",
        _ when metric.IsMeta => $"no baseline value of {metric.Name} (the baseline model was not measured in this run)",
        _ => $"no baseline value of {metric.Name}",
    };

    // Metrics are doubles computed two ways: 0.90 - 0.89 must not break an allowance of 0.01.
    private static double Tolerance(double threshold) => 1e-9 * Math.Max(1, Math.Abs(threshold));

    private sealed record Check(string Text, bool IsBroken, bool IsSkipped)
    {
        public static Check Broken(string text) => new(text, true, false);
        public static Check Kept(string text) => new(text, false, false);
        public static Check Skipped(string text) => new(text, false, true);
    }
}
