using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.Evaluation;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Reporting;

namespace MlBuild.Core.Packaging;

/// <summary>
/// The model card: the package's README.md, rendered from the manifest so that it says exactly what the manifest
/// says, for people (nuget.org and IDEs show it on the package's page). Every name that comes from the project or
/// its data (model, columns, classes, paths, params) is escaped: nothing can break the markdown.
/// </summary>
internal static class ModelCard
{
    public const string FileName = "README.md";
    private const int MaxSlotNames = 10;

    public static string Render(ModelManifest manifest)
    {
        var card = new StringBuilder();
        card.Append("# ").Append(MarkdownText.Escape(manifest.Name)).Append(' ').Append(MarkdownText.Escape(manifest.Version)).Append("\n\n");
        card.Append(MarkdownText.Escape(manifest.Description)).Append("\n\n");
        AppendForced(card, manifest.Forced);
        AppendSummary(card, manifest);
        AppendUsage(card, manifest.Name, manifest.PackageId, manifest.Version, manifest.Files);
        AppendSchemas(card, manifest);
        AppendMetrics(card, manifest.Metrics);
        AppendEvaluation(card, manifest.Evaluation);
        AppendLineage(card, manifest.Lineage);
        card.Append("---\n\nMade by MlBuild's `PackageModel` target. The same facts, for programs, are in `mlmodel.json` (")
            .Append(MarkdownText.Escape(manifest.Name)).Append(".mlmodel.json in the application's output folder).\n");
        return card.ToString();
    }

    private static void AppendForced(StringBuilder card, IReadOnlyList<string> forced)
    {
        if (forced.Count == 0)
            return;
        card.Append("> [!WARNING]\n> Packaged with `MlBuildPackageForce=true` despite:\n");
        foreach (var reason in forced)
            card.Append("> - ").Append(MarkdownText.Escape(reason)).Append('\n');
        card.Append('\n');
    }

    private static void AppendSummary(StringBuilder card, ModelManifest manifest)
    {
        var table = new MarkdownTable("", "");
        table.Add("Package", $"`{manifest.PackageId}` {MarkdownText.Escape(manifest.Version)}");
        table.Add("Task", MarkdownText.Escape(manifest.Task));
        if (manifest.Label is { } label)
            table.Add("Label", MarkdownText.Escape(label));
        if (manifest.PrimaryMetric is { } primary)
            table.Add(MarkdownText.Escape(primary.Name), MetricText(primary.Name, primary.Value));
        table.Add("Evaluation", EvaluationText(manifest.Evaluation));
        if (manifest.Lineage.Git is { Commit: { } commit } git)
            table.Add("Trained from", $"commit `{commit[..Math.Min(12, commit.Length)]}`" +
                                      (git.Dirty ? " with uncommitted changes" : ""));
        if (BuiltAt(manifest.Lineage) is { } builtAt)
            table.Add("Built", MarkdownText.Escape(builtAt));
        table.WriteTo(card);
    }

    private static void AppendUsage(StringBuilder card, string name, string packageId, string version, ManifestFiles files)
    {
        card.Append("## Use it\n\n```xml\n<PackageReference Include=\"").Append(packageId).Append("\" Version=\"").Append(version)
            .Append("\" />\n```\n\n");
        // Model names are letters, digits, '.', '_' and '-' (MLB1001): nothing that could end a code span.
        card.Append("The package copies `").Append(name).Append(".zip` and `").Append(name)
            .Append(".mlmodel.json` to the application's output folder (and its publish folder). Load the model with its manifest, ")
            .Append("which checks that the model is the one described here:\n\n");
        card.Append("```csharp\nusing Microsoft.ML;\nusing MlBuild;\n\nvar ml = new MLContext();\nvar model = MlModelPackage.Load(ml, \"")
            .Append(name).Append("\");\nvar engine = model.CreatePredictionEngine<Input, Prediction>();\n```\n\n");
        card.Append("`Input` has a property per feature column below (by name, or with `[ColumnName(\"…\")]`); ")
            .Append("`Prediction` the output columns to read.\n\n");
        var companions = new List<string>();
        if (files.Onnx is { } onnx)
            companions.Add($"`{onnx.Replace("`", "", StringComparison.Ordinal)}` (the model in ONNX format)");
        if (files.Profile is { } profile)
            companions.Add($"`{profile.Replace("`", "", StringComparison.Ordinal)}` (the profile of the training data, for drift checks)");
        if (companions.Count > 0)
            card.Append("The output folder also gets ").Append(string.Join(" and ", companions)).Append(".\n\n");
    }

    private static void AppendSchemas(StringBuilder card, ModelManifest manifest)
    {
        card.Append("## Input\n\n");
        var input = new MarkdownTable("column", "type", "role");
        foreach (var column in manifest.InputSchema)
            input.Add(MarkdownText.Escape(column.Name), MarkdownText.Escape(column.Type), MarkdownText.Escape(column.Role));
        input.WriteTo(card);
        card.Append("Predicting needs the `feature` columns; the label is not needed.\n\n");

        card.Append("## Output\n\n");
        var output = new MarkdownTable("column", "type", "values");
        foreach (var column in manifest.OutputSchema)
            output.Add(MarkdownText.Escape(column.Name), MarkdownText.Escape(column.Type), Names(column.SlotNames ?? column.KeyValues));
        output.WriteTo(card);
    }

    private static void AppendMetrics(StringBuilder card, IReadOnlyDictionary<string, MetricValue> metrics)
    {
        card.Append("## Metrics\n\nOn the test set when the model was trained, with 95% bootstrap intervals.\n\n");
        var table = MetricValueTable("metric", metrics);
        if (table.RowCount == 0)
            card.Append("None recorded.\n\n");
        else
            table.WriteTo(card);
    }

    private static void AppendEvaluation(StringBuilder card, EvaluationSummary evaluation)
    {
        card.Append("## Evaluation\n\n").Append(EvaluationText(evaluation)).Append(".\n\n");
        if (evaluation.Status == "not-evaluated")
            return;
        if (evaluation.Baseline is { } baseline)
            card.Append("Baseline: ").Append(MarkdownText.Escape(baseline)).Append(".\n\n");
        if (evaluation.Gates.Count > 0)
        {
            var table = new MarkdownTable("metric", "gate", ">value", ">baseline", "result");
            foreach (var gate in evaluation.Gates)
            {
                var definition = MetricCatalog.Describe(gate.Metric);
                var slice = gate.Slice is { } column ? $" (worst slice of {MarkdownText.Escape(column)})" : "";
                table.Add(MarkdownText.Escape(gate.Metric) + slice, MarkdownText.Escape(gate.Gate),
                    gate.Value is { } v ? MetricFormat.Value(definition, v) : "",
                    gate.Baseline is { } b ? MetricFormat.Value(definition, b) : "",
                    MarkdownText.Escape(gate.Status));
            }
            table.WriteTo(card);
        }
        else
        {
            card.Append("The model has no gates.\n\n");
        }
        if (evaluation.Expectations is { Checked: > 0 } expectations)
            card.Append(string.Create(CultureInfo.InvariantCulture,
                $"Expectations: {expectations.Checked} checked, {expectations.Failed} failed.\n\n"));
        var meta = MetricValueTable("runtime", evaluation.Meta);
        if (meta.RowCount > 0)
            meta.WriteTo(card);
    }

    private static void AppendLineage(StringBuilder card, ModelLineage lineage)
    {
        card.Append("## Lineage\n\n");
        var table = new MarkdownTable("", "");
        table.Add("Fingerprint", Code(lineage.Fingerprint));
        if (lineage.Pipeline is { } pipeline)
            table.Add("Pipeline", MarkdownText.Escape(pipeline.Class) + (pipeline.CodeHash is { } code ? $" (code {Code(code)})" : ""));
        if (lineage.Trainer is { } trainer)
            table.Add("Trainer", MarkdownText.Escape(trainer));
        if (lineage.Seed is { } seed)
            table.Add("Seed", seed.ToString(CultureInfo.InvariantCulture));
        if (lineage.TrainingSeconds is { } seconds)
            table.Add("Training time", seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        table.Add("Project", MarkdownText.Escape(lineage.Project));
        if (lineage.Git is { } git)
        {
            table.Add("Commit", git.Commit is { } commit ? Code(commit) : "none yet");
            table.Add("Working tree", git.Dirty ? "uncommitted changes: the model may not be reproducible from the commit" : "clean");
            if (git.Remote is { } remote)
                table.Add("Remote", MarkdownText.Escape(remote));
        }
        else
        {
            table.Add("Commit", "not in a git repository");
        }
        if (BuiltAt(lineage) is { } builtAt)
            table.Add("Built", MarkdownText.Escape(builtAt));
        table.WriteTo(card);

        card.Append("### Data\n\n");
        var inputs = new MarkdownTable("role", "file", ">size", "content hash");
        foreach (var input in lineage.Inputs)
            inputs.Add(MarkdownText.Escape(input.Role), MarkdownText.Escape(input.Path), MetricFormat.Bytes(input.Size), Code(input.Hash));
        inputs.WriteTo(card);

        if (lineage.Params is { ValueKind: JsonValueKind.Object } parameters)
        {
            var json = StableJson.Serialize(JsonNode.Parse(parameters.GetRawText())).TrimEnd('\n');
            var fence = new string('`', Math.Max(3, LongestRun(json, '`') + 1));
            card.Append("### Params\n\n").Append(fence).Append("json\n").Append(json).Append('\n').Append(fence).Append("\n\n");
        }

        if (lineage.Versions.Count > 0)
        {
            card.Append("### Versions\n\n");
            var versions = new MarkdownTable("library", "version");
            foreach (var (library, version) in lineage.Versions.OrderBy(v => v.Key, StringComparer.Ordinal))
                versions.Add(MarkdownText.Escape(library), MarkdownText.Escape(version));
            versions.WriteTo(card);
        }
    }

    /// <summary>Metrics by name with their values and intervals, in ordinal order.</summary>
    private static MarkdownTable MetricValueTable(string heading, IReadOnlyDictionary<string, MetricValue> metrics)
    {
        var table = new MarkdownTable(heading, ">value", "95% interval");
        foreach (var (name, metric) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (metric.Value is not { } number)
                continue;
            var definition = MetricCatalog.Describe(name);
            table.Add(MarkdownText.Escape(name), MetricFormat.Value(definition, number), IntervalText(definition, metric));
        }
        return table;
    }

    private static string EvaluationText(EvaluationSummary evaluation) => evaluation.Status switch
    {
        "passed" => "✅ passed every gate of its last evaluation",
        "failed" => "❌ failed its last evaluation",
        _ => "⚪ not evaluated: " + MarkdownText.Escape(evaluation.Reason ?? "no evaluation of this model"),
    };

    private static string MetricText(string name, MetricValue metric)
    {
        var definition = MetricCatalog.Describe(name);
        if (metric.Value is not { } value)
            return "";
        var interval = IntervalText(definition, metric);
        return MetricFormat.Value(definition, value) + (interval.Length > 0 ? $" (95% interval {interval})" : "");
    }

    private static string IntervalText(MetricDefinition definition, MetricValue metric) =>
        metric is { Low: { } low, High: { } high }
            ? MetricFormat.Interval(definition, new ValueInterval(low, high))
            : "";

    /// <summary>The build time as mlmodel.json writes it.</summary>
    private static string? BuiltAt(ModelLineage lineage) =>
        lineage.BuiltAt is { } builtAt ? UtcSecondsConverter.Format(builtAt) : null;

    private static string Names(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
            return "";
        var shown = names.Take(MaxSlotNames).Select(MarkdownText.Escape);
        return string.Join(", ", shown) + (names.Count > MaxSlotNames ? $", … ({names.Count} in all)" : "");
    }

    /// <summary>Hashes and fingerprints as code; anything else that is not plain hex and colons is escaped text.</summary>
    private static string Code(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-') ? $"`{text}`" : MarkdownText.Escape(text);

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
