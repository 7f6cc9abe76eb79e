using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting;

/// <summary>One metric of a model as a report row: its comparison with the baseline, and the gates on it.</summary>
internal sealed record MetricRow(MetricComparison Comparison, IReadOnlyList<GateOutcome> Outcomes)
{
    public MetricDefinition Metric => Comparison.Metric;

    public RowStanding Standing => RowResult.Standing(Outcomes);

    public string Result => RowResult.Text(Outcomes);

    public string GateText => GateTextWith(">=", "<=");

    /// <summary>The gates on this metric, described with the given signs for "at least" and "at most".</summary>
    public string GateTextWith(string atLeast, string atMost) =>
        string.Join("; ", Outcomes.Where(o => o.Gate is not null).Select(o => o.Gate!.Describe(atLeast, atMost)));

    /// <summary>The rows of a model: failing gates first, then warnings, then gated metrics, then the rest, each
    /// group in the catalog's order (primary metric first). A gated metric the model has no value of still gets a
    /// row: that is where its failure shows.</summary>
    public static IReadOnlyList<MetricRow> For(ModelReport model)
    {
        var comparisons = model.Evaluation.Metrics.ToList();
        foreach (var outcome in model.Outcomes)
        {
            if (!comparisons.Any(c => c.Name == outcome.Metric.Name))
                comparisons.Add(new MetricComparison { Metric = outcome.Metric });
        }
        var order = MetricCatalog.InReportOrder(comparisons.Select(c => c.Metric), model.Evaluation.Task)
            .Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return comparisons
            .Select(c => new MetricRow(c, model.Outcomes.Where(o => o.Metric.Name == c.Name).ToList()))
            .OrderBy(r => r.Standing)
            .ThenBy(r => order[r.Metric.Name])
            .ToList();
    }
}
