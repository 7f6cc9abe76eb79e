using System.Text.Json.Nodes;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// Reads what an evaluation needs from a lock entry's JSON. Lenient on purpose: a baseline lock file may have been
/// written by an older MlBuild, so a missing or odd field is simply absent, never an exception.
/// </summary>
internal static class LockEntryFacts
{
    public static string? Task(this LockEntry entry) => Text(entry.Json["task"]);

    public static string? Trainer(this LockEntry entry) => Text(entry.Json["trainer"]);

    public static double? TrainingSeconds(this LockEntry entry) => Number(entry.Json["trainingSeconds"]);

    public static double? ModelSizeBytes(this LockEntry entry) => Number((entry.Json["model"] as JsonObject)?["size"]);

    public static string? ModelFileHash(this LockEntry entry) => Text((entry.Json["model"] as JsonObject)?["hash"]);

    public static Dictionary<string, double> Metrics(this LockEntry entry)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (entry.Json["metrics"] is JsonObject json)
        {
            foreach (var (name, value) in json)
            {
                if (Number(value) is { } number)
                    metrics[name] = number;
            }
        }
        return metrics;
    }

    /// <summary>The 95% intervals recorded at training time ({name: {low, high}}); older entries have none.</summary>
    public static Dictionary<string, ValueInterval> Intervals(this LockEntry entry)
    {
        var intervals = new Dictionary<string, ValueInterval>(StringComparer.Ordinal);
        if (entry.Json["intervals"] is JsonObject json)
        {
            foreach (var (name, value) in json)
            {
                if (value is JsonObject bounds && Number(bounds["low"]) is { } low && Number(bounds["high"]) is { } high)
                    intervals[name] = new ValueInterval(low, high);
            }
        }
        return intervals;
    }

    public static JsonObject? Params(this LockEntry entry) => entry.Json["params"] as JsonObject;

    public static IReadOnlyList<LockInput> Inputs(this LockEntry entry)
    {
        var inputs = new List<LockInput>();
        if (entry.Json["inputs"] is JsonArray json)
        {
            foreach (var input in json.OfType<JsonObject>())
            {
                if (Text(input["path"]) is { } path)
                    inputs.Add(new LockInput(Text(input["role"]) ?? "", path, (long?)Number(input["size"]), Text(input["hash"])));
            }
        }
        return inputs;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static double? Number(JsonNode? node) => JsonNumbers.Read(node);
}

/// <summary>One input file of a lock entry: its role (train, test, params…), path relative to the project, size
/// and content hash.</summary>
internal sealed record LockInput(string Role, string Path, long? Size, string? Hash);
