using System.Text.Json.Nodes;
using MlBuild.Core.Declarations;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Fingerprints;
using MlBuild.Core.Hashing;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests;

public sealed class ModelRecipeTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private static readonly Dictionary<string, string> Versions = new() { ["Microsoft.ML"] = "5.0.1", ["MlBuild"] = "0.1.0" };

    public void Dispose() => _project.Dispose();

    private ModelDeclaration Model(string trainContent = "a,b,Label\n1,2,3\n") => new()
    {
        Name = "M",
        Location = new SourceLocation("p.csproj"),
        Task = "Regression",
        TrainData = _project.Write("data/train.csv", trainContent),
    };

    private string Fingerprint(ModelDeclaration model, JsonObject? parameters = null, string? codeHash = null,
        IReadOnlyDictionary<string, string>? versions = null) =>
        ModelRecipe.Fingerprint(ModelRecipe.Describe(model, _project.Path,
            FileStatCache.Load(_project.File("obj/filehashes.json")), parameters, codeHash, versions ?? Versions));

    [Fact]
    public void The_same_inputs_give_the_same_fingerprint()
    {
        Assert.Equal(Fingerprint(Model()), Fingerprint(Model()));
        Assert.Equal(32, Fingerprint(Model()).Length);
    }

    [Fact]
    public void Data_content_seed_params_declaration_code_and_versions_each_change_the_fingerprint()
    {
        var baseline = Fingerprint(Model());
        var changes = new[]
        {
            Fingerprint(Model("a,b,Label\n1,2,4\n")),
            Fingerprint(Model() with { Seed = 7 }),
            Fingerprint(Model(), new JsonObject { ["NumberOfTrees"] = 10 }),
            Fingerprint(Model() with { Trainer = "FastForest" }),
            Fingerprint(Model() with { Label = "b" }),
            Fingerprint(Model() with { Features = ["a"] }),
            Fingerprint(Model() with { TestFraction = 0.3 }),
            Fingerprint(Model() with { Pipeline = "P" }, codeHash: "xxh128:01"),
            Fingerprint(Model(), versions: new Dictionary<string, string> { ["Microsoft.ML"] = "5.0.2", ["MlBuild"] = "0.1.0" }),
        };

        Assert.All(changes, fingerprint => Assert.NotEqual(baseline, fingerprint));
        Assert.Equal(changes.Length, changes.Distinct().Count());
    }

    [Fact]
    public void Two_code_hashes_of_one_pipeline_class_give_two_fingerprints()
    {
        var model = Model() with { Pipeline = "Samples.P" };
        Assert.NotEqual(Fingerprint(model, codeHash: "xxh128:01"), Fingerprint(model, codeHash: "xxh128:02"));
    }

    [Fact]
    public void Inputs_are_recorded_relative_to_the_project_with_forward_slashes_size_and_hash()
    {
        var recipe = ModelRecipe.Describe(Model(), _project.Path, FileStatCache.Load(_project.File("x.json")), null, null, Versions);

        var input = recipe["inputs"]![0]!;
        Assert.Equal("train", (string)input["role"]!);
        Assert.Equal("data/train.csv", (string)input["path"]!);
        Assert.Equal(16, (long)input["size"]!);
        Assert.StartsWith("xxh128:", (string)input["hash"]!);
    }
}
