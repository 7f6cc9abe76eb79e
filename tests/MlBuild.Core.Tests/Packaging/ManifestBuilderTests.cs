using System.Text.Json.Nodes;
using MlBuild.Core.Packaging;
using MlBuild.Protocol;
using static MlBuild.TestSupport.PackagingFixtures;

namespace MlBuild.Core.Tests.Packaging;

public sealed class ManifestBuilderTests
{
    [Fact]
    public void The_manifest_names_the_model_its_package_task_and_label()
    {
        var manifest = ManifestFile();

        Assert.Equal(1, (int)manifest["formatVersion"]!);
        Assert.Equal("Iris", (string?)manifest["name"]);
        Assert.Equal("Samples.Models.Iris", (string?)manifest["packageId"]);
        Assert.Equal("1.2.0", (string?)manifest["version"]);
        Assert.Equal("MulticlassClassification", (string?)manifest["task"]);
        Assert.Equal("Label", (string?)manifest["label"]);
        Assert.Equal("Iris.zip", (string?)manifest["files"]!["model"]);
        Assert.Equal("Iris.mlmodel.json", (string?)manifest["files"]!["manifest"]);
        Assert.Null(manifest["files"]!["onnx"]);
        Assert.Equal(("ab12", 4322L), ((string?)manifest["model"]!["sha256"], (long)manifest["model"]!["size"]!));
    }

    [Fact]
    public void Input_columns_carry_their_role_and_output_columns_their_slot_names()
    {
        var manifest = ManifestFile();

        var input = manifest["inputSchema"]!.AsArray().Select(c => ((string?)c!["name"], (string?)c["type"], (string?)c["role"]));
        Assert.Equal([("Label", "Single", "label"), ("Sepal length", "Single", "feature"), ("Sepal width", "Single", "feature"),
            ("Petal length", "Single", "feature"), ("Petal width", "Single", "feature")], input);
        var score = manifest["outputSchema"]!.AsArray().Single(c => (string?)c!["name"] == "Score")!;
        Assert.Equal("Vector<Single, 3>", (string?)score["type"]);
        Assert.Equal(["setosa", "versicolor", "virginica"], score["slotNames"]!.AsArray().Select(n => (string?)n));
        Assert.Null(score["role"]);
    }

    [Fact]
    public void Without_a_declared_label_the_column_named_label_is_the_label_whatever_its_case()
    {
        var schemas = IrisSchemas() with { Input = [new DescribedColumn("label", "Single"), .. IrisSchemas().Input.Skip(1)] };

        var manifest = ManifestFile(Plan(IrisEntry(label: null)), schemas);

        Assert.Equal("label", (string?)manifest["label"]);
        Assert.Equal("label", (string?)manifest["inputSchema"]![0]!["role"]);
    }

    [Fact]
    public void Declared_features_make_the_other_columns_other()
    {
        var manifest = ManifestFile(Plan(IrisEntry(features: new JsonArray("Petal length", "Petal width"))));

        var roles = manifest["inputSchema"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string?)c!["role"]);
        Assert.Equal("other", roles["Sepal length"]);
        Assert.Equal("feature", roles["Petal width"]);
        Assert.Equal("label", roles["Label"]);
    }

    [Fact]
    public void Metrics_come_with_the_intervals_the_lock_file_recorded()
    {
        var metrics = ManifestFile()["metrics"]!;

        Assert.Equal((0.9333, 0.8462, 1.0), ((double)metrics["MacroAccuracy"]!["value"]!, (double)metrics["MacroAccuracy"]!["low"]!,
            (double)metrics["MacroAccuracy"]!["high"]!));
        Assert.Equal(0.4769, (double)metrics["LogLoss"]!["value"]!);
        Assert.Null(metrics["LogLoss"]!["low"]);
    }

    [Fact]
    public void The_lineage_is_the_lock_entry_plus_git_project_and_build_time()
    {
        var lineage = ManifestFile()["lineage"]!;

        Assert.Equal(Fingerprint, (string?)lineage["fingerprint"]);
        Assert.True(JsonNode.DeepEquals(IrisEntry()["inputs"], lineage["inputs"]), lineage["inputs"]!.ToJsonString());
        Assert.Equal(0.5, (double)lineage["params"]!["L2Regularization"]!);
        Assert.Equal("LbfgsMaximumEntropy", (string?)lineage["trainer"]);
        Assert.Equal(42, (int)lineage["seed"]!);
        Assert.Equal("5.0.1", (string?)lineage["versions"]!["Microsoft.ML"]);
        Assert.Equal("0.1.0", (string?)lineage["versions"]!["MlBuild"]);
        Assert.Equal("samples/Iris/Iris.csproj", (string?)lineage["project"]);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", (string?)lineage["git"]!["commit"]);
        Assert.False((bool)lineage["git"]!["dirty"]!);
        Assert.Equal("2025-11-24T21:30:00Z", (string?)lineage["builtAt"]);
    }

    [Fact]
    public void The_evaluation_and_the_forced_refusals_are_carried_as_given()
    {
        var manifest = ManifestFile(Plan(forced: ["MLB7001: Iris: the last evaluation of this model failed"]));

        Assert.Equal("passed", (string?)manifest["evaluation"]!["status"]);
        Assert.Equal("MacroAccuracy", (string?)manifest["evaluation"]!["gates"]![0]!["metric"]);
        Assert.Equal("MLB7001: Iris: the last evaluation of this model failed", (string?)manifest["forced"]![0]);
    }

    [Fact]
    public void Without_a_build_time_two_builds_of_the_same_model_give_the_same_manifest()
    {
        string Build() => ManifestJson.Serialize(ManifestBuilder.Build(Plan(), IrisSchemas(), Model, Git(), "p", builtAt: null));

        Assert.Equal(Build(), Build());
        Assert.DoesNotContain("builtAt", Build());
    }

    [Fact]
    public void The_description_is_the_items_or_says_what_the_model_is_and_how_good()
    {
        Assert.Equal(
            "The ML.NET MulticlassClassification model Iris (MacroAccuracy 0.9333 on its test set), trained and packaged by MlBuild with its manifest (schemas, metrics, gates, lineage) and model card.",
            (string?)ManifestFile()["description"]);
        Assert.Equal("Flowers.", (string?)ManifestFile(Plan() with { Description = " Flowers. " })["description"]);
    }

    [Fact]
    public void What_the_core_writes_the_runtime_library_reads_back_whole()
    {
        var written = ManifestJson.Serialize(Manifest(Plan(onnx: "/repo/bin/Iris.onnx")));

        var read = ModelManifest.Parse(written);

        Assert.Equal(written, ManifestJson.Serialize(read));
        Assert.Equal(("MacroAccuracy", 0.8462), (read.PrimaryMetric!.Name, read.PrimaryMetric.Value.Low));
        Assert.Equal(BuiltAt, read.Lineage.BuiltAt);
        Assert.Equal("Iris.onnx", read.Files.Onnx);
    }

    [Fact]
    public void The_describe_output_is_read_as_the_worker_writes_it()
    {
        var text = DescribeJson.Serialize(IrisSchemas());

        Assert.Equal(IrisSchemas().Output[1].SlotNames, DescribeJson.Parse(text).Output[1].SlotNames);
        Assert.Contains("\"name\": \"Petal length\"", text);
        Assert.DoesNotContain("keyValues", text);
        Assert.Throws<InvalidDataException>(() => DescribeJson.Parse("{\"input\": [}"));
    }
}
