using MlBuild.Definitions;
using System.Text.Json.Nodes;
using MlBuild.Protocol;

namespace MlBuild.Core.LockFiles;

/// <summary>
/// What the lock file records for one model: enough to trace the model back to exactly what produced it, and
/// to compare it with another version of itself. Kept as JSON so that fields written by newer versions survive.
/// </summary>
internal sealed class LockEntry
{
    public LockEntry(JsonObject json) => Json = json;

    public JsonObject Json { get; }

    public string? Fingerprint => (string?)Json["fingerprint"];

    public string? ModelHash => (string?)Json["model"]?["hash"];

    public long? ModelSize => (long?)Json["model"]?["size"];

    /// <summary>The hash of the training data's profile written beside the model; null for a model trained without one.</summary>
    public string? ProfileHash => (string?)Json["profile"]?["hash"];

    public long? ProfileSize => (long?)Json["profile"]?["size"];

    /// <summary>The hash of the model's ONNX export (ExportOnnx) written beside it; null for a model without one.</summary>
    public string? OnnxHash => (string?)Json["onnx"]?["hash"];

    public long? OnnxSize => (long?)Json["onnx"]?["size"];

    /// <summary>The data's columns and label at training, which the next training's schema check compares with; null
    /// for an entry written before schemas were recorded.</summary>
    public RecordedSchema? Schema
    {
        get
        {
            if (Json["schema"] is not JsonObject schema || schema["columns"] is not JsonObject columns)
                return null;
            var kinds = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, kind) in columns)
                if (kind is JsonValue value && value.TryGetValue<string>(out var text))
                    kinds[name] = text;
            var classes = schema["classes"] is JsonArray list
                ? list.Select(c => c is JsonValue v && v.TryGetValue<string>(out var text) ? text : null).OfType<string>().ToList()
                : null;
            return new RecordedSchema { Columns = kinds, Label = (string?)schema["label"], Classes = classes };
        }
    }

    public LockEntry Clone() => new((JsonObject)Json.DeepClone());

    /// <summary>Adds what only a trained model can tell: its trainer, hash, size, metrics and training time, the data's
    /// schema, and the hash and size of its data profile and of its ONNX export.</summary>
    public static LockEntry Complete(JsonObject plan, string trainer, string modelHash, long modelSize,
        IReadOnlyDictionary<string, double> metrics, double trainingSeconds,
        IReadOnlyDictionary<string, MetricEstimate>? intervals = null, RecordedSchema? schema = null,
        (string Hash, long Size)? profile = null, (string Hash, long Size)? onnx = null)
    {
        var json = (JsonObject)plan.DeepClone();
        json["trainer"] = trainer;
        json["model"] = new JsonObject { ["hash"] = modelHash, ["size"] = modelSize };
        if (profile is var (profileHash, profileSize))
            json["profile"] = new JsonObject { ["hash"] = profileHash, ["size"] = profileSize };
        if (onnx is var (onnxHash, onnxSize))
            json["onnx"] = new JsonObject { ["hash"] = onnxHash, ["size"] = onnxSize };
        if (schema is not null)
        {
            var columns = new JsonObject();
            foreach (var (name, kind) in schema.Columns)
                columns[name] = kind;
            json["schema"] = new JsonObject { ["columns"] = columns, ["label"] = schema.Label };
            if (schema.Classes is { } classes)
                json["schema"]!["classes"] = new JsonArray(classes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        }
        var metricsJson = new JsonObject();
        foreach (var (name, value) in metrics)
            metricsJson[name] = value;
        json["metrics"] = metricsJson;
        if (intervals is { Count: > 0 })
        {
            // A later evaluation without this model at hand tells a real change from noise with these.
            var intervalsJson = new JsonObject();
            foreach (var (name, estimate) in intervals)
                intervalsJson[name] = new JsonObject { ["low"] = estimate.Low, ["high"] = estimate.High };
            json["intervals"] = intervalsJson;
        }
        json["trainingSeconds"] = Math.Round(trainingSeconds, 3);
        return new LockEntry(json);
    }
}
