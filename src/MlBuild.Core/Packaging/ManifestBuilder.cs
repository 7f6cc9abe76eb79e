using System.Globalization;
using System.Text.Json.Nodes;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Packaging;

/// <summary>
/// Builds mlmodel.json, the manifest of a model package: what the model is and takes and gives (the schemas the worker
/// read from the model), how good it is (the lock file's metrics and intervals, the last evaluation's gates), and
/// exactly what produced it (the lock entry's lineage, git, the build time). The model card is rendered from it.
/// </summary>
internal static class ManifestBuilder
{
    public const int FormatVersion = 1;
    public const string FileName = "mlmodel.json";

    /// <param name="plan">The model, its package id and version, its lock entry and evaluation.</param>
    /// <param name="schemas">The worker's description of the model: {"input": [...], "output": [...]}.</param>
    /// <param name="model">The model file's size and hashes.</param>
    /// <param name="git">HEAD, dirty and remote; null outside a repository.</param>
    /// <param name="project">The project's path in the repository (or its file name).</param>
    /// <param name="builtAt">When the package is built; null to leave it out (for comparing two manifests).</param>
    public static JsonObject Build(PackagePlan plan, JsonObject schemas, ModelFileFacts model, JsonObject? git,
        string project, DateTimeOffset? builtAt)
    {
        var entry = plan.LockEntry;
        var task = Text(entry["task"]) ?? "";
        var declaration = entry["declaration"] as JsonObject;
        var input = (schemas["input"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var label = LabelColumn(declaration, input);
        var features = (declaration?["features"] as JsonArray)?.Select(f => Text(f)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var manifest = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["name"] = plan.Name,
            ["packageId"] = plan.PackageId,
            ["version"] = plan.Version,
            ["task"] = task,
            ["label"] = label,
            ["description"] = Description(plan, task),
            ["files"] = new JsonObject
            {
                ["model"] = plan.Name + ".zip",
                ["manifest"] = plan.Name + ".mlmodel.json",
                ["modelCard"] = "README.md",
                ["onnx"] = plan.OnnxFile is null ? null : plan.Name + ".onnx",
                ["profile"] = plan.ProfileFile is null ? null : plan.Name + ".profile.json",
            },
            ["model"] = new JsonObject { ["size"] = model.Size, ["hash"] = model.Hash, ["sha256"] = model.Sha256 },
            ["inputSchema"] = new JsonArray(input.Select(c => (JsonNode?)Column(c, Role(Text(c["name"]), label, features))).ToArray()),
            ["outputSchema"] = new JsonArray((schemas["output"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => (JsonNode?)Column(c, null)).ToArray()),
            ["metrics"] = Metrics(entry),
            ["evaluation"] = plan.Evaluation.DeepClone(),
            ["lineage"] = Lineage(entry, git, project, builtAt),
            ["forced"] = new JsonArray(plan.Forced.Select(f => (JsonNode?)f).ToArray()),
        };
        return manifest;
    }

    /// <summary>The package's description: the item's Description, or the task, name and primary metric.</summary>
    public static string Description(PackagePlan plan, string task)
    {
        if (!string.IsNullOrWhiteSpace(plan.Description))
            return plan.Description.Trim();
        var primary = ModelTasks.PrimaryMetricOrDefault(task);
        var metric = JsonNumbers.Read((plan.LockEntry["metrics"] as JsonObject)?[primary]) is { } value
            ? $" ({primary} {value.ToString("0.####", CultureInfo.InvariantCulture)} on its test set)"
            : "";
        return $"The ML.NET {task} model {plan.Name}{metric}, trained and packaged by MlBuild with its manifest " +
               "(schemas, metrics, gates, lineage) and model card.";
    }

    /// <summary>The declared label column, else the column named Label (ignoring case), as the worker picks it.</summary>
    private static string? LabelColumn(JsonObject? declaration, IReadOnlyList<JsonObject> input)
    {
        var declared = Text(declaration?["label"]) ?? "Label";
        var names = input.Select(c => Text(c["name"])).OfType<string>().ToList();
        return names.FirstOrDefault(n => n == declared)
               ?? names.FirstOrDefault(n => string.Equals(n, declared, StringComparison.OrdinalIgnoreCase))
               ?? Text(declaration?["label"]);
    }

    private static string Role(string? column, string? label, HashSet<string>? features) =>
        column == label ? "label"
        : features is null || features.Contains(column ?? "") ? "feature"
        : "other";

    private static JsonObject Column(JsonObject column, string? role)
    {
        var result = new JsonObject { ["name"] = Text(column["name"]), ["type"] = Text(column["type"]) };
        if (role is not null)
            result["role"] = role;
        foreach (var key in new[] { "slotNames", "keyValues" })
        {
            if (column[key] is JsonArray names)
                result[key] = names.DeepClone();
        }
        return result;
    }

    private static JsonObject Metrics(JsonObject entry)
    {
        var metrics = new JsonObject();
        var intervals = entry["intervals"] as JsonObject;
        foreach (var (name, value) in (entry["metrics"] as JsonObject ?? []).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (JsonNumbers.Read(value) is not { } number)
                continue;
            var interval = intervals?[name] as JsonObject;
            metrics[name] = new JsonObject
            {
                ["value"] = number,
                ["low"] = JsonNumbers.Read(interval?["low"]),
                ["high"] = JsonNumbers.Read(interval?["high"]),
            };
        }
        return metrics;
    }

    private static JsonObject Lineage(JsonObject entry, JsonObject? git, string project, DateTimeOffset? builtAt)
    {
        var lineage = new JsonObject
        {
            ["fingerprint"] = Text(entry["fingerprint"]),
            ["inputs"] = (entry["inputs"] as JsonArray)?.DeepClone() ?? new JsonArray(),
            ["params"] = entry["params"]?.DeepClone(),
            ["trainer"] = Text(entry["trainer"]),
            ["pipeline"] = entry["pipeline"]?.DeepClone(),
            ["declaration"] = entry["declaration"]?.DeepClone(),
            ["seed"] = entry["seed"]?.DeepClone(),
            ["versions"] = entry["versions"]?.DeepClone() ?? new JsonObject(),
            ["trainingSeconds"] = entry["trainingSeconds"]?.DeepClone(),
            ["project"] = project,
            ["git"] = git?.DeepClone(),
        };
        if (builtAt is { } time)
            lineage["builtAt"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return lineage;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
