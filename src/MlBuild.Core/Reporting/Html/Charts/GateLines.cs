using System.Globalization;
using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting.Html.Charts;

/// <summary>A model's gates on one metric as the horizontal lines a chart draws them with: each absolute floor or
/// ceiling (Min, Max), and each allowed change turned into the value it allows from the baseline's.</summary>
internal static class GateLines
{
    public sealed record Line(double Value, string Label);

    /// <param name="slice">Gates on this slice column only; null for the whole test set's gates.</param>
    public static IReadOnlyList<Line> For(ModelReport model, string metric, string? slice, double? baseline)
    {
        var lines = new List<Line>();
        foreach (var gate in model.GateOutcomes.Select(o => o.Gate!).Where(g => g.Metric.Name == metric && g.Slice == slice))
        {
            if (gate.Min is { } min)
                lines.Add(new Line(min, Text($"gate ≥ {min:G4}")));
            if (gate.Max is { } max)
                lines.Add(new Line(max, Text($"gate ≤ {max:G4}")));
            if (gate.AllowedChange is { } change && baseline is { } b && double.IsFinite(b))
            {
                var allowed = gate.Metric.Direction == Evaluation.MetricDirection.LowerIsBetter ? b + change : b - change;
                lines.Add(new Line(allowed, Text($"allowed from baseline {allowed:G4}")));
            }
        }
        return lines.Where(l => double.IsFinite(l.Value)).ToList();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
