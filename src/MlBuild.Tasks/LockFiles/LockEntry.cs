using System.Text.Json.Nodes;
using MlBuild.Protocol;

namespace MlBuild.Tasks.LockFiles;

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

    public LockEntry Clone() => new((JsonObject)Json.DeepClone());

    /// <summary>Adds what only a trained model can tell: its trainer, hash, size, metrics and training time.</summary>
    public static LockEntry Complete(JsonObject plan, string trainer, string modelHash, long modelSize,
        IReadOnlyDictionary<string, double> metrics, double trainingSeconds,
        IReadOnlyDictionary<string, MetricEstimate>? intervals = null)
    {
        var json = (JsonObject)plan.DeepClone();
        json["trainer"] = trainer;
        json["model"] = new JsonObject { ["hash"] = modelHash, ["size"] = modelSize };
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
