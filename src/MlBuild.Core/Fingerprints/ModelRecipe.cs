using System.Text.Json.Nodes;
using MlBuild.Core.Declarations;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Fingerprints;

/// <summary>
/// Everything that makes a model, as stable JSON: the task, the declaration (or the pipeline class and the hash
/// of its compiled code), each input file's content hash, the params' literal values, the seed and the library
/// versions. Its hash is the model's fingerprint, and it is the part of the lock entry known before training.
/// ExportOnnx is part of the declaration: a model with and without its ONNX file are two build outputs, and a cache
/// entry holds everything its fingerprint promises (recorded only when true, so that other fingerprints stay as
/// they were).
/// </summary>
internal static class ModelRecipe
{
    public static JsonObject Describe(ModelDeclaration model, string projectDirectory, FileStatCache files,
        JsonObject? parameters, string? pipelineCodeHash, IReadOnlyDictionary<string, string> libraryVersions)
    {
        var recipe = new JsonObject
        {
            ["task"] = model.Task,
            ["seed"] = model.Seed,
            ["declaration"] = DescribeDeclaration(model),
            ["inputs"] = DescribeInputs(model, projectDirectory, files),
        };
        if (model.Pipeline is not null)
            recipe["pipeline"] = new JsonObject { ["class"] = model.Pipeline, ["codeHash"] = pipelineCodeHash };
        if (parameters is not null)
            recipe["params"] = parameters.DeepClone();
        var versions = new JsonObject();
        foreach (var (library, version) in libraryVersions.OrderBy(v => v.Key, StringComparer.Ordinal))
            if (model.ExportOnnx || !LibraryVersions.IsExportOnly(library))
                versions[library] = version;
        recipe["versions"] = versions;
        return recipe;
    }

    public static string Fingerprint(JsonObject recipe) =>
        ContentHash.OfText(StableJson.Serialize(recipe))[ContentHash.Prefix.Length..];

    public static string RelativePath(string projectDirectory, string fullPath) =>
        Path.GetRelativePath(projectDirectory, fullPath).Replace('\\', '/');

    private static JsonObject DescribeDeclaration(ModelDeclaration model)
    {
        var declaration = new JsonObject();
        if (model.Label is not null)
            declaration["label"] = model.Label;
        if (model.Features.Count > 0)
            declaration["features"] = new JsonArray(model.Features.Select(f => (JsonNode?)f).ToArray());
        if (model.Columns.Count > 0)
            declaration["columns"] = new JsonArray(model.Columns.Select(c => (JsonNode?)c).ToArray());
        if (model.Trainer is not null)
            declaration["trainer"] = model.Trainer;
        if (model.Separator is not null)
            declaration["separator"] = model.Separator;
        if (model.HasHeader is not null)
            declaration["hasHeader"] = model.HasHeader;
        if (model.TestData is null)
            declaration["testFraction"] = model.TestFraction;
        if (model.ExportOnnx)
            declaration["exportOnnx"] = true;
        return declaration;
    }

    private static JsonArray DescribeInputs(ModelDeclaration model, string projectDirectory, FileStatCache files)
    {
        var inputs = new JsonArray();
        void Add(string role, string? path)
        {
            if (path is null)
                return;
            var facts = files.GetFacts(path);
            inputs.Add(new JsonObject
            {
                ["role"] = role,
                ["path"] = RelativePath(projectDirectory, facts.FullPath),
                ["size"] = facts.Size,
                ["hash"] = facts.Hash,
            });
        }
        Add("train", model.TrainData);
        Add("test", model.TestData);
        Add("params", model.ParamsFile);
        return inputs;
    }
}
