using System.Text.Json.Nodes;
using MlBuild.Protocol;
using MlBuild.Core.LockFiles;

namespace MlBuild.TestSupport;

/// <summary>Lock entries and worker results as the Evaluate target sees them, built in a line or two.</summary>
internal static class EvaluationFixtures
{
    public static LockEntry Entry(string task, IReadOnlyDictionary<string, double> metrics, string modelHash = "xxh128:candidate",
        long modelSize = 4096, double trainingSeconds = 1.5, IReadOnlyDictionary<string, (double Low, double High)>? intervals = null,
        JsonObject? @params = null, IEnumerable<(string Role, string Path, long Size, string Hash)>? inputs = null,
        string trainer = "FastTree")
    {
        var json = new JsonObject
        {
            ["task"] = task,
            ["trainer"] = trainer,
            ["fingerprint"] = "fp-" + modelHash,
            ["model"] = new JsonObject { ["hash"] = modelHash, ["size"] = modelSize },
            ["metrics"] = new JsonObject(metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            ["trainingSeconds"] = trainingSeconds,
            ["inputs"] = new JsonArray((inputs ?? [("train", "data/train.csv", 100, "xxh128:train")])
                .Select(i => (JsonNode?)new JsonObject { ["role"] = i.Role, ["path"] = i.Path, ["size"] = i.Size, ["hash"] = i.Hash })
                .ToArray()),
        };
        if (intervals is not null)
            json["intervals"] = new JsonObject(intervals.Select(i => KeyValuePair.Create(i.Key,
                (JsonNode?)new JsonObject { ["low"] = i.Value.Low, ["high"] = i.Value.High })));
        if (@params is not null)
            json["params"] = @params;
        return new LockEntry(json);
    }

    public static LockFile Lock(params (string Name, LockEntry Entry)[] models)
    {
        var lockFile = LockFile.Empty();
        foreach (var (name, entry) in models)
            lockFile.Models[name] = entry;
        return lockFile;
    }

    public static SortedDictionary<string, MetricEstimate> Estimates(params (string Name, double Value, double Low, double High)[] metrics) =>
        new(metrics.ToDictionary(m => m.Name, m => new MetricEstimate(m.Value, m.Low, m.High)), StringComparer.Ordinal);

    public static SortedDictionary<string, double> Values(params (string Name, double Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value), StringComparer.Ordinal);

    public static EvaluateResult Result(SortedDictionary<string, MetricEstimate> metrics, SortedDictionary<string, double>? meta = null) =>
        new() { TestRows = 30, Metrics = metrics, Meta = meta ?? Values() };

    /// <summary>A paired result: the baseline model was scored on the same rows.</summary>
    public static EvaluateResult Paired(SortedDictionary<string, MetricEstimate> metrics, SortedDictionary<string, MetricEstimate> baseline,
        SortedDictionary<string, PairedDelta> deltas, SortedDictionary<string, double>? meta = null,
        SortedDictionary<string, double>? baselineMeta = null) =>
        new()
        {
            TestRows = 30, Metrics = metrics, Meta = meta ?? Values(), BaselineMetrics = baseline, Deltas = deltas,
            BaselineMeta = baselineMeta,
        };

    public static SortedDictionary<string, PairedDelta> Deltas(params (string Name, double Delta, double Low, double High)[] deltas) =>
        new(deltas.ToDictionary(d => d.Name, d => new PairedDelta(d.Delta, d.Low, d.High)), StringComparer.Ordinal);
}
