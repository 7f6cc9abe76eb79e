using System.Globalization;
using System.Text;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting;

/// <summary>
/// One model's part of the markdown report, in the pieces <see cref="ReportBudget"/> keeps or drops: the heading
/// with what failed (always kept), the quality-metrics table, the extras (runtime and size, params and data files
/// changed) and the collapsed sections.
/// </summary>
internal sealed class ModelSection
{
    private ModelSection(string brief, string metrics, IReadOnlyList<NamedBlock> extras, IReadOnlyList<CollapsedSection> details)
    {
        Brief = brief;
        Metrics = metrics;
        Extras = extras;
        Details = details;
    }

    /// <summary>The heading, the summary line and the failures and warnings.</summary>
    public string Brief { get; }

    /// <summary>The quality-metrics table.</summary>
    public string Metrics { get; }

    public IReadOnlyList<NamedBlock> Extras { get; }

    public IReadOnlyList<CollapsedSection> Details { get; }

    public static ModelSection Create(ModelReport model, EvaluationReport report)
    {
        var rows = MetricRow.For(model);
        var evaluation = model.Evaluation;
        var extras = new List<NamedBlock>();
        if (MetricTables.Runtime(rows.Where(r => r.Metric.IsMeta).ToList(), evaluation) is { Length: > 0 } runtime)
            extras.Add(new NamedBlock("runtime and size", runtime));
        if (ParamsChanged(evaluation) is { } parameters)
            extras.Add(parameters);
        if (DataChanged(evaluation) is { } data)
            extras.Add(data);
        return new ModelSection(Heading(model, report), MetricTables.Quality(rows.Where(r => !r.Metric.IsMeta).ToList(), evaluation),
            extras, ModelDetails.For(model, report));
    }

    /// <summary>❌ failed (a gate or an expectation), ⚠️ warned, ✅ otherwise.</summary>
    public static string Mark(ModelReport model) => model.Failed ? "❌" : model.WarningCount > 0 ? "⚠️" : "✅";

    private static string Heading(ModelReport model, EvaluationReport report)
    {
        var markdown = new StringBuilder();
        markdown.Append("### ").Append(Mark(model)).Append(' ').Append(MarkdownText.Escape(model.Name)).Append("\n\n");
        markdown.Append(MarkdownText.Escape(ReportCells.Summary(model, report))).Append("\n\n");
        var attention = model.Outcomes.Where(o => o.Status is GateStatus.Failed or GateStatus.Warning)
            .OrderBy(o => o.Status == GateStatus.Failed ? 0 : 1).ToList();
        foreach (var outcome in attention)
            markdown.Append(outcome.Status == GateStatus.Failed ? "- ❌ **Failed** (" : "- ⚠️ **Warning** (").Append(outcome.Code)
                .Append("): ").Append(MarkdownText.Escape(outcome.Message)).Append('\n');
        if (model.FailedExpectationCount > 0)
            markdown.Append("- ❌ **Failed** (").Append(MlbCodes.ExpectationFailed).Append("): ")
                .Append(model.FailedExpectationCount.ToString(CultureInfo.InvariantCulture)).Append(" of ")
                .Append(model.Evaluation.Result!.ExpectationsChecked.ToString(CultureInfo.InvariantCulture))
                .Append(" expectations failed\n");
        if (attention.Count > 0 || model.FailedExpectationCount > 0)
            markdown.Append('\n');
        return markdown.ToString();
    }

    private static NamedBlock? ParamsChanged(ModelEvaluation evaluation)
    {
        var changes = evaluation.TrainerChange is { } trainer ? [trainer, .. evaluation.ParamChanges] : evaluation.ParamChanges;
        if (changes.Count == 0)
            return null;
        var table = new MarkdownTable("param", "baseline", "candidate");
        foreach (var change in changes)
            table.Add(MarkdownText.Escape(change.Name), Value(change.Baseline), Value(change.Candidate));
        return new NamedBlock("params changed", Titled("Params changed", table));

        static string Value(string? value) => value is null ? "*(not set)*" : MarkdownText.Escape(value);
    }

    private static NamedBlock? DataChanged(ModelEvaluation evaluation)
    {
        if (evaluation.DataChanges.Count == 0)
            return null;
        var table = new MarkdownTable("file", "role", "change", ">baseline size", ">candidate size");
        foreach (var change in evaluation.DataChanges)
            table.Add(MarkdownText.Escape(change.Path), MarkdownText.Escape(change.Role), change.Kind.ToString().ToLowerInvariant(),
                change.BaselineSize is { } before ? MetricFormat.Bytes(before) : "-",
                change.CandidateSize is { } after ? MetricFormat.Bytes(after) : "-");
        return new NamedBlock("data files changed", Titled("Data files changed", table));
    }

    private static string Titled(string title, MarkdownTable table)
    {
        var markdown = new StringBuilder("**").Append(title).Append("**\n\n");
        table.WriteTo(markdown);
        return markdown.ToString();
    }
}

/// <summary>A block of markdown with what it is called in a "not shown" line.</summary>
internal sealed record NamedBlock(string Name, string Text);
