using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Protocol;
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
    /// <param name="schemas">The worker's description of the model.</param>
    /// <param name="model">The model file's size and hashes.</param>
    /// <param name="git">HEAD, dirty and remote; null outside a repository.</param>
    /// <param name="project">The project's path in the repository (or its file name).</param>
    /// <param name="builtAt">When the package is built; null to leave it out (for comparing two manifests).</param>
    public static ModelManifest Build(PackagePlan plan, ModelDescription schemas, ModelFileFacts model, GitLineage? git,
        string project, DateTimeOffset? builtAt)
    {
        var entry = plan.LockEntry;
        var task = Text(entry["task"]) ?? "";
        var declaration = entry["declaration"] as JsonObject;
        var label = LabelColumn(declaration, schemas.Input);
        var features = (declaration?["features"] as JsonArray)?.Select(f => Text(f)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        return new ModelManifest
        {
            FormatVersion = FormatVersion,
            Name = plan.Name,
            PackageId = plan.PackageId,
            Version = plan.Version,
            Task = task,
            Label = label,
            Description = Description(plan, task),
            Files = new ManifestFiles
            {
                Model = plan.Name + ".zip",
                Manifest = plan.Name + ".mlmodel.json",
                ModelCard = "README.md",
                Onnx = plan.OnnxFile is null ? null : plan.Name + ".onnx",
                Profile = plan.ProfileFile is null ? null : plan.Name + ".profile.json",
            },
            Model = model,
            InputSchema = schemas.Input.Select(c => Column(c, Role(c.Name, label, features))).ToList(),
            OutputSchema = schemas.Output.Select(c => Column(c, null)).ToList(),
            Metrics = Metrics(entry),
            Evaluation = plan.Evaluation,
            Lineage = Lineage(entry, git, project, builtAt),
            Forced = plan.Forced,
        };
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
    private static string? LabelColumn(JsonObject? declaration, IReadOnlyList<DescribedColumn> input)
    {
        var declared = Text(declaration?["label"]) ?? "Label";
        return input.Select(c => c.Name).FirstOrDefault(n => n == declared)
               ?? input.Select(c => c.Name).FirstOrDefault(n => string.Equals(n, declared, StringComparison.OrdinalIgnoreCase))
               ?? Text(declaration?["label"]);
    }

    private static string Role(string column, string? label, HashSet<string>? features) =>
        column == label ? "label"
        : features is null || features.Contains(column) ? "feature"
        : "other";

    private static SchemaColumn Column(DescribedColumn column, string? role) => new()
    {
        Name = column.Name,
        Type = column.Type,
        Role = role,
        SlotNames = column.SlotNames,
        KeyValues = column.KeyValues,
    };

    private static Dictionary<string, MetricValue> Metrics(JsonObject entry)
    {
        var metrics = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        var intervals = entry["intervals"] as JsonObject;
        foreach (var (name, value) in entry["metrics"] as JsonObject ?? [])
        {
            if (JsonNumbers.Read(value) is not { } number)
                continue;
            var interval = intervals?[name] as JsonObject;
            metrics[name] = new MetricValue
            {
                Value = number,
                Low = JsonNumbers.Read(interval?["low"]),
                High = JsonNumbers.Read(interval?["high"]),
            };
        }
        return metrics;
    }

    /// <summary>The lock entry's lineage, as the lock file recorded it when the model was trained.</summary>
    private static ModelLineage Lineage(JsonObject entry, GitLineage? git, string project, DateTimeOffset? builtAt) => new()
    {
        Fingerprint = Text(entry["fingerprint"]) ?? "",
        Inputs = (entry["inputs"] as JsonArray ?? []).OfType<JsonObject>().Select(input => new LineageInput
        {
            Role = Text(input["role"]) ?? "",
            Path = Text(input["path"]) ?? "",
            Size = (long)(JsonNumbers.Read(input["size"]) ?? 0),
            Hash = Text(input["hash"]) ?? "",
        }).ToList(),
        Params = Element(entry["params"]),
        Trainer = Text(entry["trainer"]),
        Pipeline = entry["pipeline"] is JsonObject pipeline
            ? new PipelineLineage { Class = Text(pipeline["class"]) ?? "", CodeHash = Text(pipeline["codeHash"]) }
            : null,
        Declaration = Element(entry["declaration"]),
        Seed = JsonNumbers.Read(entry["seed"]) is { } seed ? (int)seed : null,
        Versions = (entry["versions"] as JsonObject ?? []).Where(v => Text(v.Value) is not null)
            .ToDictionary(v => v.Key, v => Text(v.Value)!, StringComparer.Ordinal),
        TrainingSeconds = JsonNumbers.Read(entry["trainingSeconds"]),
        Project = project,
        Git = git,
        BuiltAt = builtAt is { } time ? time.ToUniversalTime() : null,
    };

    private static JsonElement? Element(JsonNode? node) =>
        node is null ? null : JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
