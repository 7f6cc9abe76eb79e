using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Packaging;

/// <summary>
/// The last Evaluate's verdict on a model, when it judged this very model. evaluation.json does not say which model it
/// evaluated, so the Evaluate target records beside it (<see cref="StampFileName"/>) the hash of that evaluation.json and
/// each model's fingerprint at the time; a model whose fingerprint has changed since, or a stamp of another
/// evaluation.json, means "not evaluated".
/// </summary>
internal sealed class EvaluationRecord
{
    public const string EvaluationFileName = "evaluation.json";
    public const string StampFileName = "evaluation.fingerprints";
    // A key no model name can be (names hold only letters, digits, ".", "_" and "-").
    public const string EvaluationKey = ":evaluation.json";

    private readonly JsonObject? _models;
    private readonly string? _baseline;
    private readonly IReadOnlyDictionary<string, string> _fingerprints;
    private readonly string _whyNone;

    private EvaluationRecord(JsonObject? models, string? baseline, IReadOnlyDictionary<string, string> fingerprints, string whyNone)
    {
        _models = models;
        _baseline = baseline;
        _fingerprints = fingerprints;
        _whyNone = whyNone;
    }

    /// <summary>The verdict on one model: null <see cref="Passed"/> when it was not evaluated (see the summary's reason).</summary>
    public sealed record Verdict(bool? Passed, EvaluationSummary Summary, IReadOnlyList<string> Failures);

    public static EvaluationRecord Read(string intermediateDirectory)
    {
        var evaluationFile = Path.Combine(intermediateDirectory, EvaluationFileName);
        var stampFile = Path.Combine(intermediateDirectory, StampFileName);
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(evaluationFile) || !File.Exists(stampFile))
            return new EvaluationRecord(null, null, none, "no Evaluate run in this build configuration: run dotnet build -t:Evaluate before packaging to record the gates");
        var stamp = ReadStamp(stampFile);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(evaluationFile);
        }
        catch (IOException e)
        {
            return new EvaluationRecord(null, null, none, $"the last evaluation cannot be read ({e.Message})");
        }
        if (!stamp.TryGetValue(EvaluationKey, out var hash) || !string.Equals(hash, Convert.ToHexString(SHA256.HashData(bytes)), StringComparison.OrdinalIgnoreCase))
            return new EvaluationRecord(null, null, none, "the last evaluation did not finish recording its results: run dotnet build -t:Evaluate again");
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }
        return new EvaluationRecord(root?["models"] as JsonObject, Text(root?["baseline"]?["description"]), stamp,
            "the last evaluation did not evaluate this model");
    }

    public Verdict For(string model, string fingerprint)
    {
        if (_models is null)
            return NotEvaluated(_whyNone);
        if (!_fingerprints.TryGetValue(model, out var evaluated) || _models[model] is not JsonObject json)
            return NotEvaluated(_whyNone);
        if (!string.Equals(evaluated, fingerprint, StringComparison.Ordinal))
            return NotEvaluated($"the last evaluation was of another version of the model (fingerprint {evaluated}): run dotnet build -t:Evaluate to evaluate this one");

        var passed = json["passed"] is JsonValue value && value.TryGetValue<bool>(out var p) && p;
        var gates = new List<GateResult>();
        var failures = new List<string>();
        foreach (var outcome in (json["gates"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var status = Text(outcome["status"]) ?? "";
            gates.Add(new GateResult
            {
                Metric = Text(outcome["metric"]) ?? "",
                Gate = Text(outcome["gate"]?["description"]),
                Slice = Text(outcome["gate"]?["slice"]),
                Status = status,
                Value = JsonNumbers.Read(outcome["value"]),
                Baseline = JsonNumbers.Read(outcome["baseline"]),
                Message = Text(outcome["message"]),
            });
            if (status == "failed")
                failures.Add(Text(outcome["message"]) ?? Text(outcome["metric"]) ?? "a gate");
        }
        var expectations = json["expectations"] as JsonObject;
        var failedExpectations = (expectations?["failed"] as JsonArray)?.Count ?? 0;
        if (failedExpectations > 0)
            failures.Add($"{failedExpectations} expectation(s) failed");
        var summary = new EvaluationSummary
        {
            Status = passed ? "passed" : "failed",
            Baseline = _baseline,
            Gates = gates,
            Expectations = new ExpectationSummary
            {
                Checked = JsonNumbers.Read(expectations?["checked"]) is { } count ? (int)count : 0,
                Failed = failedExpectations,
            },
            Meta = Meta(json["meta"] as JsonObject),
        };
        if (!passed && failures.Count == 0)
            failures.Add("the evaluation failed");
        return new Verdict(passed, summary, passed ? [] : failures);
    }

    private static Verdict NotEvaluated(string reason) =>
        new(null, new EvaluationSummary { Status = "not-evaluated", Reason = reason }, []);

    private static Dictionary<string, MetricValue> Meta(JsonObject? meta)
    {
        var result = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var (name, value) in meta ?? [])
        {
            if (value is not JsonObject metric || JsonNumbers.Read(metric["value"]) is not { } number)
                continue;
            result[name] = new MetricValue
            {
                Value = number,
                Low = JsonNumbers.Read(metric["interval"]?["low"]),
                High = JsonNumbers.Read(metric["interval"]?["high"]),
            };
        }
        return result;
    }

    private static Dictionary<string, string> ReadStamp(string path)
    {
        var stamp = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=');
            if (equals > 0)
                stamp[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return stamp;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
