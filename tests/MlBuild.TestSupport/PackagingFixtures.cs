using System.Text.Json.Nodes;
using MlBuild.Core.Packaging;
using MlBuild.Protocol;

namespace MlBuild.TestSupport;

/// <summary>A model as the packaging tasks see it: its lock entry, the worker's description of it, its evaluation.</summary>
internal static class PackagingFixtures
{
    public const string Fingerprint = "85ab31e45782534349a15eeb91449526";

    public static JsonObject IrisEntry(string? label = "Label", JsonArray? features = null) => new()
    {
        ["task"] = "MulticlassClassification",
        ["seed"] = 42,
        ["fingerprint"] = Fingerprint,
        ["declaration"] = label is null && features is null ? new JsonObject()
            : new JsonObject { ["label"] = label, ["features"] = features },
        ["inputs"] = new JsonArray(
            new JsonObject { ["role"] = "train", ["path"] = "data/train.tsv", ["size"] = 2217, ["hash"] = "xxh128:2c42" },
            new JsonObject { ["role"] = "test", ["path"] = "data/test.tsv", ["size"] = 597, ["hash"] = "xxh128:7f7c" }),
        ["params"] = new JsonObject { ["L2Regularization"] = 0.5 },
        ["trainer"] = "LbfgsMaximumEntropy",
        ["model"] = new JsonObject { ["hash"] = "xxh128:fb2e", ["size"] = 4322 },
        ["metrics"] = new JsonObject { ["MacroAccuracy"] = 0.9333, ["LogLoss"] = 0.4769 },
        ["intervals"] = new JsonObject { ["MacroAccuracy"] = new JsonObject { ["low"] = 0.8462, ["high"] = 1.0 } },
        ["trainingSeconds"] = 0.231,
        ["versions"] = new JsonObject { ["Microsoft.ML"] = "5.0.1", ["MlBuild"] = "0.1.0" },
    };

    public static ModelDescription IrisSchemas() => DescribeJson.Parse("""
        {
          "input": [
            { "name": "Label", "type": "Single" },
            { "name": "Sepal length", "type": "Single" },
            { "name": "Sepal width", "type": "Single" },
            { "name": "Petal length", "type": "Single" },
            { "name": "Petal width", "type": "Single" }
          ],
          "output": [
            { "name": "PredictedLabel", "type": "Single" },
            { "name": "Score", "type": "Vector<Single, 3>", "slotNames": ["setosa", "versicolor", "virginica"] }
          ]
        }
        """);

    public static EvaluationSummary Passed() => new()
    {
        Status = "passed",
        Baseline = "HEAD (0123456)",
        Gates =
        [
            new GateResult
            {
                Metric = "MacroAccuracy", Gate = ">= 0.9000", Status = "passed", Value = 0.9333, Baseline = 0.92,
                Message = "Iris: MacroAccuracy 0.9333 meets the minimum 0.9000",
            },
        ],
        Expectations = new ExpectationSummary { Checked = 3, Failed = 0 },
        Meta = new Dictionary<string, MetricValue> { ["PredictionLatencyP95Ms"] = new() { Value = 0.0031 } },
    };

    public static EvaluationSummary NotEvaluated(string reason) => new() { Status = "not-evaluated", Reason = reason };

    public static PackagePlan Plan(JsonObject? entry = null, EvaluationSummary? evaluation = null, string name = "Iris",
        IReadOnlyList<string>? forced = null, string? onnx = null) => new()
        {
            Name = name,
            PackageId = "Samples.Models." + name,
            Version = "1.2.0",
            ProjectFile = "/repo/samples/Iris/Iris.csproj",
            ModelFile = "/repo/samples/Iris/bin/Debug/net10.0/Iris.zip",
            OnnxFile = onnx,
            LockEntry = entry ?? IrisEntry(),
            Evaluation = evaluation ?? Passed(),
            Forced = forced ?? [],
        };

    public static GitLineage Git(bool dirty = false) => new()
    {
        Commit = "0123456789abcdef0123456789abcdef01234567",
        Dirty = dirty,
        Remote = "https://github.com/octo/models.git",
    };

    public static readonly ModelFileFacts Model = new() { Size = 4322, Hash = "xxh128:fb2e", Sha256 = "ab12" };

    public static readonly DateTimeOffset BuiltAt = new(2025, 11, 24, 21, 30, 0, TimeSpan.Zero);

    public static ModelManifest Manifest(PackagePlan? plan = null, ModelDescription? schemas = null, GitLineage? git = null) =>
        ManifestBuilder.Build(plan ?? Plan(), schemas ?? IrisSchemas(), Model, git ?? Git(), "samples/Iris/Iris.csproj", BuiltAt);

    /// <summary>The manifest as mlmodel.json holds it.</summary>
    public static JsonObject ManifestFile(PackagePlan? plan = null, ModelDescription? schemas = null) =>
        (JsonObject)JsonNode.Parse(ManifestJson.Serialize(Manifest(plan, schemas)))!;
}
