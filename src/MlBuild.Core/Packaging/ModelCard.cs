using System.Globalization;
using System.Text;
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

    public static string Render(JsonObject manifest)
    {
        var card = new StringBuilder();
        var name = Text(manifest["name"]) ?? "";
        var version = Text(manifest["version"]) ?? "";
        var packageId = Text(manifest["packageId"]) ?? "";
        var task = Text(manifest["task"]) ?? "";
        var evaluation = manifest["evaluation"] as JsonObject ?? [];
        var lineage = manifest["lineage"] as JsonObject ?? [];

        card.Append("# ").Append(MarkdownText.Escape(name)).Append(' ').Append(MarkdownText.Escape(version)).Append("\n\n");
        card.Append(MarkdownText.Escape(Text(manifest["description"]))).Append("\n\n");
        AppendForced(card, manifest["forced"] as JsonArray);
        AppendSummary(card, manifest, task, evaluation, lineage);
        AppendUsage(card, name, packageId, version, manifest["files"] as JsonObject ?? []);
        AppendSchemas(card, manifest);
        AppendMetrics(card, manifest["metrics"] as JsonObject ?? []);
        AppendEvaluation(card, evaluation);
        AppendLineage(card, lineage);
        card.Append("---\n\nMade by MlBuild's `PackageModel` target. The same facts, for programs, are in `mlmodel.json` (")
            .Append(MarkdownText.Escape(name)).Append(".mlmodel.json in the application's output folder).\n");
        return card.ToString();
    }

    private static void AppendForced(StringBuilder card, JsonArray? forced)
    {
        var reasons = forced?.Select(f => Text(f)).OfType<string>().ToList() ?? [];
        if (reasons.Count == 0)
            return;
        card.Append("> [!WARNING]\n> Packaged with `MlBuildPackageForce=true` despite:\n");
        foreach (var reason in reasons)
            card.Append("> - ").Append(MarkdownText.Escape(reason)).Append('\n');
        card.Append('\n');
    }

    private static void AppendSummary(StringBuilder card, JsonObject manifest, string task, JsonObject evaluation, JsonObject lineage)
    {
        var table = new MarkdownTable("", "");
        table.Add("Package", $"`{Text(manifest["packageId"])}` {MarkdownText.Escape(Text(manifest["version"]))}");
        table.Add("Task", MarkdownText.Escape(task));
        if (Text(manifest["label"]) is { } label)
            table.Add("Label", MarkdownText.Escape(label));
        var primary = ModelTasks.PrimaryMetricOrDefault(task);
        if ((manifest["metrics"] as JsonObject)?[primary] is JsonObject metric)
            table.Add(MarkdownText.Escape(primary), MetricText(primary, metric));
        table.Add("Evaluation", EvaluationText(evaluation));
        if (lineage["git"] is JsonObject git && Text(git["commit"]) is { } commit)
            table.Add("Trained from", $"commit `{commit[..Math.Min(12, commit.Length)]}`" +
                                      (Flag(git["dirty"]) ? " with uncommitted changes" : ""));
        if (Text(lineage["builtAt"]) is { } builtAt)
            table.Add("Built", MarkdownText.Escape(builtAt));
        table.WriteTo(card);
    }

    private static void AppendUsage(StringBuilder card, string name, string packageId, string version, JsonObject files)
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
        if (Text(files["onnx"]) is { } onnx)
            companions.Add($"`{onnx.Replace("`", "", StringComparison.Ordinal)}` (the model in ONNX format)");
        if (Text(files["profile"]) is { } profile)
            companions.Add($"`{profile.Replace("`", "", StringComparison.Ordinal)}` (the profile of the training data, for drift checks)");
        if (companions.Count > 0)
            card.Append("The output folder also gets ").Append(string.Join(" and ", companions)).Append(".\n\n");
    }

    private static void AppendSchemas(StringBuilder card, JsonObject manifest)
    {
        card.Append("## Input\n\n");
        var input = new MarkdownTable("column", "type", "role");
        foreach (var column in (manifest["inputSchema"] as JsonArray ?? []).OfType<JsonObject>())
            input.Add(MarkdownText.Escape(Text(column["name"])), MarkdownText.Escape(Text(column["type"])), MarkdownText.Escape(Text(column["role"])));
        input.WriteTo(card);
        card.Append("Predicting needs the `feature` columns; the label is not needed.\n\n");

        card.Append("## Output\n\n");
        var output = new MarkdownTable("column", "type", "values");
        foreach (var column in (manifest["outputSchema"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var names = (column["slotNames"] ?? column["keyValues"]) as JsonArray;
            output.Add(MarkdownText.Escape(Text(column["name"])), MarkdownText.Escape(Text(column["type"])), Names(names));
        }
        output.WriteTo(card);
    }

    private static void AppendMetrics(StringBuilder card, JsonObject metrics)
    {
        card.Append("## Metrics\n\nOn the test set when the model was trained, with 95% bootstrap intervals.\n\n");
        var table = new MarkdownTable("metric", ">value", "95% interval");
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (value is not JsonObject metric || JsonNumbers.Read(metric["value"]) is not { } number)
                continue;
            var definition = MetricCatalog.Describe(name);
            table.Add(MarkdownText.Escape(name), MetricFormat.Value(definition, number), IntervalText(definition, metric));
        }
        if (table.RowCount == 0)
            card.Append("None recorded.\n\n");
        else
            table.WriteTo(card);
    }

    private static void AppendEvaluation(StringBuilder card, JsonObject evaluation)
    {
        card.Append("## Evaluation\n\n").Append(EvaluationText(evaluation)).Append(".\n\n");
        if (Text(evaluation["status"]) == "not-evaluated")
            return;
        if (Text(evaluation["baseline"]) is { } baseline)
            card.Append("Baseline: ").Append(MarkdownText.Escape(baseline)).Append(".\n\n");
        var gates = (evaluation["gates"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (gates.Count > 0)
        {
            var table = new MarkdownTable("metric", "gate", ">value", ">baseline", "result");
            foreach (var gate in gates)
            {
                var metric = Text(gate["metric"]) ?? "";
                var definition = MetricCatalog.Describe(metric);
                var slice = Text(gate["slice"]) is { } column ? $" (worst slice of {MarkdownText.Escape(column)})" : "";
                table.Add(MarkdownText.Escape(metric) + slice, MarkdownText.Escape(Text(gate["gate"])),
                    JsonNumbers.Read(gate["value"]) is { } v ? MetricFormat.Value(definition, v) : "",
                    JsonNumbers.Read(gate["baseline"]) is { } b ? MetricFormat.Value(definition, b) : "",
                    MarkdownText.Escape(Text(gate["status"])));
            }
            table.WriteTo(card);
        }
        else
        {
            card.Append("The model has no gates.\n\n");
        }
        if (evaluation["expectations"] is JsonObject expectations && JsonNumbers.Read(expectations["checked"]) is > 0 and var checkedLines)
            card.Append(string.Create(CultureInfo.InvariantCulture,
                $"Expectations: {checkedLines:0} checked, {JsonNumbers.Read(expectations["failed"]) ?? 0:0} failed.\n\n"));
        var meta = (evaluation["meta"] as JsonObject ?? []).Where(m => m.Value is JsonObject).ToList();
        if (meta.Count > 0)
        {
            var table = new MarkdownTable("runtime", ">value", "95% interval");
            foreach (var (name, value) in meta.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                var metric = (JsonObject)value!;
                if (JsonNumbers.Read(metric["value"]) is not { } number)
                    continue;
                var definition = MetricCatalog.Describe(name);
                table.Add(MarkdownText.Escape(name), MetricFormat.Value(definition, number), IntervalText(definition, metric));
            }
            table.WriteTo(card);
        }
    }

    private static void AppendLineage(StringBuilder card, JsonObject lineage)
    {
        card.Append("## Lineage\n\n");
        var table = new MarkdownTable("", "");
        table.Add("Fingerprint", Code(Text(lineage["fingerprint"])));
        if (lineage["pipeline"] is JsonObject pipeline)
            table.Add("Pipeline", MarkdownText.Escape(Text(pipeline["class"])) + (Text(pipeline["codeHash"]) is { } code ? $" (code {Code(code)})" : ""));
        if (Text(lineage["trainer"]) is { } trainer)
            table.Add("Trainer", MarkdownText.Escape(trainer));
        if (lineage["seed"] is JsonValue seed)
            table.Add("Seed", MarkdownText.Escape(seed.ToJsonString()));
        if (JsonNumbers.Read(lineage["trainingSeconds"]) is { } seconds)
            table.Add("Training time", seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        table.Add("Project", MarkdownText.Escape(Text(lineage["project"])));
        if (lineage["git"] is JsonObject git)
        {
            table.Add("Commit", Text(git["commit"]) is { } commit ? Code(commit) : "none yet");
            table.Add("Working tree", Flag(git["dirty"]) ? "uncommitted changes: the model may not be reproducible from the commit" : "clean");
            if (Text(git["remote"]) is { } remote)
                table.Add("Remote", MarkdownText.Escape(remote));
        }
        else
        {
            table.Add("Commit", "not in a git repository");
        }
        if (Text(lineage["builtAt"]) is { } builtAt)
            table.Add("Built", MarkdownText.Escape(builtAt));
        table.WriteTo(card);

        card.Append("### Data\n\n");
        var inputs = new MarkdownTable("role", "file", ">size", "content hash");
        foreach (var input in (lineage["inputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var size = JsonNumbers.Read(input["size"]);
            inputs.Add(MarkdownText.Escape(Text(input["role"])), MarkdownText.Escape(Text(input["path"])),
                size is { } bytes ? MetricFormat.Bytes(bytes) : "", Code(Text(input["hash"])));
        }
        inputs.WriteTo(card);

        if (lineage["params"] is JsonObject parameters)
        {
            var json = StableJson.Serialize(parameters).TrimEnd('\n');
            var fence = new string('`', Math.Max(3, LongestRun(json, '`') + 1));
            card.Append("### Params\n\n").Append(fence).Append("json\n").Append(json).Append('\n').Append(fence).Append("\n\n");
        }

        if (lineage["versions"] is JsonObject versions && versions.Count > 0)
        {
            card.Append("### Versions\n\n");
            var table2 = new MarkdownTable("library", "version");
            foreach (var (library, version) in versions.OrderBy(v => v.Key, StringComparer.Ordinal))
                table2.Add(MarkdownText.Escape(library), MarkdownText.Escape(Text(version)));
            table2.WriteTo(card);
        }
    }

    private static string EvaluationText(JsonObject evaluation) => Text(evaluation["status"]) switch
    {
        "passed" => "✅ passed every gate of its last evaluation",
        "failed" => "❌ failed its last evaluation",
        _ => "⚪ not evaluated: " + MarkdownText.Escape(Text(evaluation["reason"]) ?? "no evaluation of this model"),
    };

    private static string MetricText(string name, JsonObject metric)
    {
        var definition = MetricCatalog.Describe(name);
        if (JsonNumbers.Read(metric["value"]) is not { } value)
            return "";
        var interval = IntervalText(definition, metric);
        return MetricFormat.Value(definition, value) + (interval.Length > 0 ? $" (95% interval {interval})" : "");
    }

    private static string IntervalText(MetricDefinition definition, JsonObject metric) =>
        JsonNumbers.Read(metric["low"]) is { } low && JsonNumbers.Read(metric["high"]) is { } high
            ? MetricFormat.Interval(definition, new ValueInterval(low, high))
            : "";

    private static string Names(JsonArray? names)
    {
        if (names is null || names.Count == 0)
            return "";
        var shown = names.Take(MaxSlotNames).Select(n => MarkdownText.Escape(Text(n)));
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

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
