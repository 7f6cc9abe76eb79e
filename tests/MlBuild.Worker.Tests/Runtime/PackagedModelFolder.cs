using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MlBuild.Worker.Cli;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Runtime;

/// <summary>An application's output folder as a model package leaves it: &lt;Name&gt;.zip and &lt;Name&gt;.mlmodel.json,
/// the manifest's schemas read from the model by the worker's describe command, as the MlBuildPackage target does.</summary>
internal sealed class PackagedModelFolder : IDisposable
{
    private readonly TestDirectory _temp = new();

    public PackagedModelFolder(string name, string modelFile, Action<JsonObject>? edit = null)
    {
        Name = name;
        File.Copy(modelFile, ModelPath);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.True(WorkerCommand.Run(["describe", modelFile], stdout, stderr) == 0, stderr.ToString());
        var schemas = JsonNode.Parse(stdout.ToString())!;
        var input = new JsonArray(schemas["input"]!.AsArray().Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = (string?)c!["name"],
            ["type"] = (string?)c["type"],
            ["role"] = (string?)c["name"] is "Label" or "fare_amount" ? "label" : "feature",
        }).ToArray());
        string sha256;
        using (var stream = File.OpenRead(modelFile))
            sha256 = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        Manifest = new JsonObject
        {
            ["formatVersion"] = 1,
            ["name"] = name,
            ["packageId"] = "Samples.Models." + name,
            ["version"] = "1.2.0",
            ["task"] = "MulticlassClassification",
            ["label"] = "Label",
            ["files"] = new JsonObject { ["model"] = name + ".zip", ["manifest"] = name + ".mlmodel.json" },
            ["model"] = new JsonObject { ["size"] = new FileInfo(modelFile).Length, ["hash"] = "xxh128:00", ["sha256"] = sha256 },
            ["inputSchema"] = input,
            ["outputSchema"] = schemas["output"]!.DeepClone(),
            ["metrics"] = new JsonObject { ["MacroAccuracy"] = new JsonObject { ["value"] = 0.93, ["low"] = 0.84, ["high"] = 1.0 } },
            ["evaluation"] = new JsonObject
            {
                ["status"] = "passed",
                ["baseline"] = "HEAD (0123456)",
                ["gates"] = new JsonArray(new JsonObject { ["metric"] = "MacroAccuracy", ["gate"] = ">= 0.9000", ["status"] = "passed", ["value"] = 0.93 }),
                ["expectations"] = new JsonObject { ["checked"] = 2, ["failed"] = 0 },
                ["meta"] = new JsonObject { ["PredictionLatencyP95Ms"] = new JsonObject { ["value"] = 0.003 } },
            },
            ["lineage"] = new JsonObject
            {
                ["fingerprint"] = "85ab31e45782534349a15eeb91449526",
                ["inputs"] = new JsonArray(new JsonObject { ["role"] = "train", ["path"] = "data/train.tsv", ["size"] = 2217, ["hash"] = "xxh128:2c42" }),
                ["params"] = new JsonObject { ["L2Regularization"] = 0.5 },
                ["trainer"] = "LbfgsMaximumEntropy",
                ["pipeline"] = null,
                ["declaration"] = new JsonObject { ["label"] = "Label" },
                ["seed"] = 1,
                ["versions"] = new JsonObject { ["Microsoft.ML"] = "5.0.1", ["MlBuild"] = "0.1.0" },
                ["trainingSeconds"] = 0.2,
                ["project"] = "samples/Iris/Iris.csproj",
                ["git"] = new JsonObject { ["commit"] = "0123456789abcdef0123456789abcdef01234567", ["dirty"] = false, ["remote"] = "https://github.com/octo/models.git" },
                ["builtAt"] = "2025-11-24T21:30:00Z",
            },
            ["forced"] = new JsonArray(),
        };
        edit?.Invoke(Manifest);
        File.WriteAllText(ManifestPath, Manifest.ToJsonString());
    }

    public string Name { get; }
    public string Directory => _temp.Path;
    public string ModelPath => _temp.File(Name + ".zip");
    public string ManifestPath => _temp.File(Name + ".mlmodel.json");
    public JsonObject Manifest { get; }

    public void Dispose() => _temp.Dispose();
}
