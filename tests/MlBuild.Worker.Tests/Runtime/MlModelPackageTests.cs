using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Runtime;

/// <summary>The runtime loader of packaged models, on real models: it loads a model with its manifest, refuses a model
/// that is not the one its manifest describes, and names the columns that do not fit.</summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class MlModelPackageTests(TrainedModels models)
{
    private PackagedModelFolder Iris(Action<JsonObject>? edit = null) => new("Iris", models.Iris.Request.ModelOutputPath, edit);

    [Fact]
    public void A_packaged_model_loads_with_its_manifest_and_predicts()
    {
        using var folder = Iris();
        var ml = new MLContext(seed: 1);

        var iris = MlModelPackage.Load(ml, "Iris", folder.Directory);

        Assert.Equal(folder.ModelPath, iris.ModelPath);
        Assert.Equal(("Iris", "Samples.Models.Iris", "1.2.0"), (iris.Manifest.Name, iris.Manifest.PackageId, iris.Manifest.Version));
        Assert.Equal(5, iris.InputSchema.Count);
        var engine = iris.CreatePredictionEngine<Flower, Prediction>();
        Assert.Equal(2f, engine.Predict(new Flower { SepalLength = 7.7f, SepalWidth = 3.0f, PetalLength = 6.1f, PetalWidth = 2.3f }).PredictedLabel);
        Assert.Equal(0f, engine.Predict(new Flower { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f }).PredictedLabel);
    }

    [Fact]
    public void The_manifest_is_typed_metrics_evaluation_and_lineage_included()
    {
        using var folder = Iris();

        var manifest = MlModelPackage.ReadManifest("Iris", folder.Directory);

        Assert.Equal("MulticlassClassification", manifest.Task);
        Assert.Equal("Label", manifest.Label);
        Assert.Equal("label", manifest.InputSchema[0].Role);
        Assert.Contains(manifest.OutputSchema, c => c.Name == "Score" && c.Type == "Vector<Single, 3>");
        Assert.Equal("MacroAccuracy", manifest.PrimaryMetric!.Name);
        Assert.Equal("0.93 [0.84, 1]", manifest.PrimaryMetric.Value.ToString());
        Assert.Equal("MacroAccuracy 0.93 [0.84, 1]", manifest.PrimaryMetric.ToString());
        Assert.True(manifest.Evaluation.Passed);
        Assert.Equal(">= 0.9000", manifest.Evaluation.Gates.Single().Gate);
        Assert.Equal(2, manifest.Evaluation.Expectations!.Checked);
        Assert.Equal(0.003, manifest.Evaluation.Meta["PredictionLatencyP95Ms"].Value);
        var lineage = manifest.Lineage;
        Assert.Equal("85ab31e45782534349a15eeb91449526", lineage.Fingerprint);
        Assert.Equal(("train", "data/train.tsv", 2217L), (lineage.Inputs[0].Role, lineage.Inputs[0].Path, lineage.Inputs[0].Size));
        Assert.Equal(0.5, lineage.Params!.Value.GetProperty("L2Regularization").GetDouble());
        Assert.Equal("LbfgsMaximumEntropy", lineage.Trainer);
        Assert.Null(lineage.Pipeline);
        Assert.Equal(1, lineage.Seed);
        Assert.Equal("5.0.1", lineage.Versions["Microsoft.ML"]);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", lineage.Git!.Commit);
        Assert.False(lineage.Git.Dirty);
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 21, 30, 0, TimeSpan.Zero), lineage.BuiltAt);
        Assert.Empty(manifest.Forced);
    }

    [Fact]
    public void Another_model_under_the_packaged_models_name_is_refused_by_its_hash()
    {
        using var folder = Iris();
        File.Copy(models.IrisSplit.Request.ModelOutputPath, folder.ModelPath, overwrite: true);

        var e = Assert.Throws<ModelPackageException>(() => MlModelPackage.Load(new MLContext(), "Iris", folder.Directory));

        Assert.Contains("is not the model its manifest describes", e.Message);
        Assert.Contains("Samples.Models.Iris 1.2.0", e.Message);
    }

    [Fact]
    public void A_model_whose_input_schema_differs_from_the_manifest_names_each_differing_column()
    {
        using var folder = Iris(manifest =>
        {
            var input = manifest["inputSchema"]!.AsArray();
            input[4]!["type"] = "String";
            input.RemoveAt(1);
            input.Add(new JsonObject { ["name"] = "Color", ["type"] = "String", ["role"] = "feature" });
        });

        var e = Assert.Throws<ModelSchemaMismatchException>(() => MlModelPackage.Load(new MLContext(), "Iris", folder.Directory));

        Assert.Equal(
        [
            "'Petal width' is String in the manifest but Single in the model",
            "'Color' (String) is in the manifest but the model does not take it",
            "'Sepal length' (Single) is taken by the model but not in the manifest",
        ], e.Differences);
        Assert.Contains("'Petal width' is String in the manifest but Single in the model", e.Message);
    }

    [Fact]
    public void An_input_class_with_a_member_of_the_wrong_type_is_named()
    {
        using var folder = Iris();
        var iris = MlModelPackage.Load(new MLContext(), "Iris", folder.Directory);

        var e = Assert.Throws<ModelSchemaMismatchException>(() => iris.CreatePredictionEngine<TextFlower, Prediction>());

        Assert.Equal(["'Petal width' is Single in the model but String in TextFlower.PetalWidth"], e.Differences);
    }

    [Fact]
    public void An_input_class_without_a_feature_column_is_named()
    {
        using var folder = Iris();
        var iris = MlModelPackage.Load(new MLContext(), "Iris", folder.Directory);

        var e = Assert.Throws<ModelSchemaMismatchException>(() => iris.CreatePredictionEngine<ThreeColumnFlower, Prediction>());

        var difference = Assert.Single(e.Differences);
        Assert.StartsWith("'Petal width' (Single) is a feature of the model but ThreeColumnFlower has no member for it", difference);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void Without_its_manifest_a_model_is_not_a_packaged_model()
    {
        using var folder = Iris();
        File.Delete(folder.ManifestPath);

        var e = Assert.Throws<FileNotFoundException>(() => MlModelPackage.Load(new MLContext(), "Iris", folder.Directory));

        Assert.Contains("Iris.mlmodel.json", e.Message);
        Assert.Contains(".Models.Iris", e.Message);
        Assert.Contains("MlModelFile.Load", e.Message);
    }

    [Fact]
    public void Without_its_model_the_manifest_says_to_build_again()
    {
        using var folder = Iris();
        File.Delete(folder.ModelPath);

        var e = Assert.Throws<FileNotFoundException>(() => MlModelPackage.Load(new MLContext(), "Iris", folder.Directory));

        Assert.Contains("Build the application again", e.Message);
    }

    [Fact]
    public void A_manifest_of_another_model_or_of_a_newer_format_is_refused()
    {
        using (var other = Iris(manifest => manifest["name"] = "Taxi"))
            Assert.Contains("is the manifest of the model 'Taxi'",
                Assert.Throws<ModelPackageException>(() => MlModelPackage.ReadManifest("Iris", other.Directory)).Message);
        using (var newer = Iris(manifest => manifest["formatVersion"] = 2))
            Assert.Contains("format version 2",
                Assert.Throws<InvalidDataException>(() => MlModelPackage.ReadManifest("Iris", newer.Directory)).Message);
        using (var broken = Iris())
        {
            File.WriteAllText(broken.ManifestPath, "{ not json");
            Assert.Throws<InvalidDataException>(() => MlModelPackage.ReadManifest("Iris", broken.Directory));
        }
    }

    public sealed class Flower
    {
        [ColumnName("Sepal length")] public float SepalLength { get; set; }
        [ColumnName("Sepal width")] public float SepalWidth { get; set; }
        [ColumnName("Petal length")] public float PetalLength { get; set; }
        [ColumnName("Petal width")] public float PetalWidth { get; set; }
    }

    public sealed class TextFlower
    {
        [ColumnName("Sepal length")] public float SepalLength { get; set; }
        [ColumnName("Sepal width")] public float SepalWidth { get; set; }
        [ColumnName("Petal length")] public float PetalLength { get; set; }
        [ColumnName("Petal width")] public string PetalWidth { get; set; } = "";
    }

    public sealed class ThreeColumnFlower
    {
        [ColumnName("Sepal length")] public float SepalLength { get; set; }
        [ColumnName("Sepal width")] public float SepalWidth { get; set; }
        [ColumnName("Petal length")] public float PetalLength { get; set; }
    }

    public sealed class Prediction
    {
        public float PredictedLabel { get; set; }
    }
}
