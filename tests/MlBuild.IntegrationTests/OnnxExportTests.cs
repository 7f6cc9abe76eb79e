using MlBuild.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MlBuild.IntegrationTests;

/// <summary>
/// ExportOnnx in real builds of fresh projects against the packed package: &lt;Name&gt;.onnx lands beside each model,
/// in its cache entry and lock entry, comes back with a restore after a clean, goes into the model package, and ONNX
/// Runtime predicts what ML.NET predicts with the model on every test row. A project without Microsoft.ML.OnnxConverter
/// gets MLB3007; a model the converter cannot handle gets MLB3008 and keeps its previous model.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class OnnxExportTests(PackageFeedFixture feed, ITestOutputHelper log)
{
    private const string Converter = """<PackageReference Include="Microsoft.ML.OnnxConverter" Version="0.23.1" />""";

    /// <summary>Regression: |Δscore| ≤ 1e-4·max(1, |score|); classification: the same class, and |Δ| ≤ 1e-4 for each
    /// probability (binary) or class score (multiclass, where the scores are the class probabilities).</summary>
    private const double Tolerance = 1e-4;

    private static readonly string[] Models = ["Taxi", "Iris", "Heart"];

    /// <summary>Each test packs under its own id prefix: the fixture's NuGet folder is shared.</summary>
    private readonly string _prefix = "T" + Guid.NewGuid().ToString("N")[..8] + ".";

    private TestProject ExportingProject(string references = Converter) =>
        new TestProject(feed, "OnnxModels")
            .WithProject($"""
                {references}
                <MlModel Include="Taxi" Task="Regression" TrainData="data/taxi-train.csv" TestData="data/taxi-test.csv"
                         LabelColumn="fare_amount" ExportOnnx="true" />
                <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/iris-train.tsv"
                         TestData="data/iris-test.tsv" ExportOnnx="true" />
                <MlModel Include="Heart" Task="BinaryClassification" TrainData="data/heart-train.csv"
                         TestData="data/heart-test.csv" ExportOnnx="true"
                         Columns="Age;Sex;Cp;TrestBps;Chol;Fbs;RestEcg;Thalac;Exang;OldPeak;Slope;Ca;Thal;Label" />
                """, properties: $"""
                <Version>1.0.0</Version>
                <MlBuildPackageIdPrefix>{_prefix}</MlBuildPackageIdPrefix>
                <MlBuildPackageOutputPath>bin/feed</MlBuildPackageOutputPath>
                """)
            .WithData("taxi-fare/train-2000.csv", "data/taxi-train.csv")
            .WithData("taxi-fare/test-500.csv", "data/taxi-test.csv")
            .WithData("iris/train.tsv", "data/iris-train.tsv")
            .WithData("iris/test.tsv", "data/iris-test.tsv")
            .WithData("heart-disease/train.csv", "data/heart-train.csv")
            .WithData("heart-disease/test.csv", "data/heart-test.csv");

    private static string OnnxFile(TestProject project, string model) => Path.Combine(project.OutputDirectory, model + ".onnx");

    [Fact]
    public void Exported_models_land_beside_the_models_in_the_cache_lock_file_and_package_and_come_back_from_the_cache_after_a_clean()
    {
        var project = ExportingProject();

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        var exported = new Dictionary<string, byte[]>();
        foreach (var model in Models)
        {
            var bytes = exported[model] = File.ReadAllBytes(OnnxFile(project, model));
            var entry = project.LockEntry(model);
            Assert.StartsWith("xxh128:", (string?)entry["onnx"]!["hash"]);
            Assert.Equal(bytes.Length, (long)entry["onnx"]!["size"]!);
            Assert.True((bool)entry["declaration"]!["exportOnnx"]!);
            var cached = Assert.Single(project.CacheEntries(), e => Path.GetFileName(e) == (string?)entry["fingerprint"]);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(cached, "model.onnx")));
        }

        var clean = project.Clean();
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.All(Models, model => Assert.False(File.Exists(OnnxFile(project, model))));
        var restored = project.Build();

        Assert.True(restored.Succeeded, restored.ToString());
        foreach (var model in Models)
        {
            Assert.True(restored.Restored(model), restored.Output);
            Assert.Equal(exported[model], File.ReadAllBytes(OnnxFile(project, model)));
        }
        Assert.True(project.Build().WasUpToDate("Taxi"));

        var packaged = project.Build("-t:PackageModel");
        Assert.True(packaged.Succeeded, packaged.ToString());
        var package = new NuGetPackageFile(project.PathOf($"bin/feed/{_prefix}Taxi.1.0.0.nupkg"));
        Assert.Equal(exported["Taxi"], package.Bytes("model/Taxi.onnx"));
        Assert.Equal("Taxi.onnx", (string?)package.Manifest["files"]!["onnx"]);
    }

    [Fact]
    public void Onnx_runtime_predicts_what_ml_net_predicts_on_every_test_row()
    {
        var project = ExportingProject();
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        OnnxParity Parity(string model, string testFile, char separator, bool hasHeader) =>
            new(project.ModelFile(model), OnnxFile(project, model), project.PathOf(testFile), separator, hasHeader);

        using (var taxi = Parity("Taxi", "data/taxi-test.csv", ',', hasHeader: true))
        {
            Assert.Equal(["vendor_id", "rate_code", "passenger_count", "trip_time_in_secs", "trip_distance", "payment_type"], taxi.Inputs);
            var expected = taxi.MlNet<float>("Score");
            var actual = taxi.Onnx<float>("Score");
            Assert.Equal(500, actual.Length);
            var worst = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second) / Math.Max(1, Math.Abs(p.First)));
            log.WriteLine($"Taxi (regression, {actual.Length} rows): max |Δscore|/max(1,|score|) = {worst:E2}");
            Assert.InRange(worst, 0, Tolerance);
        }

        // ML.NET's text loader reads a '#' header line as a comment.
        using (var iris = Parity("Iris", "data/iris-test.tsv", '\t', hasHeader: false))
        {
            Assert.Equal(["Sepal length", "Sepal width", "Petal length", "Petal width"], iris.Inputs);
            var classes = iris.MlNet<float>("PredictedLabel");
            Assert.Equal(classes, iris.Onnx<float>("PredictedLabel"));
            Assert.Equal(30, classes.Length);
            Assert.Equal([0f, 1f, 2f], classes.Distinct().Order());
            var worst = MaxDifference(iris.MlNet<float>("Score"), iris.Onnx<float>("Score"), 30 * 3);
            log.WriteLine($"Iris (multiclass, {classes.Length} rows): same class on every row; max |Δscore| = {worst:E2}");
            Assert.InRange(worst, 0, Tolerance);
        }

        using (var heart = Parity("Heart", "data/heart-test.csv", ';', hasHeader: false))
        {
            Assert.Equal(13, heart.Inputs.Count);
            Assert.DoesNotContain("Label", heart.Inputs);
            var classes = heart.MlNet<bool>("PredictedLabel");
            Assert.Equal(classes, heart.Onnx<bool>("PredictedLabel"));
            Assert.Equal([false, true], classes.Distinct().Order());
            var worst = MaxDifference(heart.MlNet<float>("Probability"), heart.Onnx<float>("Probability"), classes.Length);
            log.WriteLine($"Heart (binary, {classes.Length} rows): same class on every row; max |Δprobability| = {worst:E2}");
            Assert.InRange(worst, 0, Tolerance);
        }
    }

    private static double MaxDifference(float[] expected, float[] actual, int count)
    {
        Assert.Equal(count, expected.Length);
        Assert.Equal(count, actual.Length);
        return expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
    }

    [Fact]
    public void A_project_without_the_onnx_converter_gets_MLB3007_at_the_model_and_nothing_is_written()
    {
        var project = new TestProject(feed, "NoConverter")
            .WithProject("""
                <MlModel Include="Taxi" Task="Regression" TrainData="data/taxi-train.csv" TestData="data/taxi-test.csv"
                         LabelColumn="fare_amount" ExportOnnx="true" />
                """)
            .WithData("taxi-fare/train-2000.csv", "data/taxi-train.csv")
            .WithData("taxi-fare/test-500.csv", "data/taxi-test.csv");

        var build = project.Build();

        Assert.False(build.Succeeded, build.ToString());
        var error = Assert.Single(build.Diagnostics(), d => d.Code == "MLB3007");
        Assert.Equal((project.ProjectFile, project.LineOf("<MlModel Include=\"Taxi\"")), (error.File, error.Line));
        Assert.Equal("Taxi: ExportOnnx needs the package Microsoft.ML.OnnxConverter, which the project does not reference: " +
                     "add <PackageReference Include=\"Microsoft.ML.OnnxConverter\" Version=\"0.23.1\" /> to the project, " +
                     "or remove ExportOnnx.", error.Message);
        Assert.False(File.Exists(project.ModelFile("Taxi")));
        Assert.False(File.Exists(OnnxFile(project, "Taxi")));
        Assert.False(File.Exists(project.LockFile));
    }

    [Fact]
    public void A_model_the_converter_cannot_handle_gets_MLB3008_naming_the_step_and_keeps_its_previous_model()
    {
        var project = new TestProject(feed, "TextModel")
            .WithProject($"""
                {Converter}
                <MlModel Include="Sentiment" Task="BinaryClassification" TrainData="data/train.tsv" TestData="data/test.tsv"
                         LabelColumn="Sentiment" ExportOnnx="$(ExportSentiment)" />
                """)
            .WithData("sentiment-wikidetox/train.tsv", "data/train.tsv")
            .WithData("sentiment-wikidetox/test.tsv", "data/test.tsv");
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        var model = File.ReadAllBytes(project.ModelFile("Sentiment"));
        var lockFile = File.ReadAllBytes(project.LockFile);
        var cacheEntries = project.CacheEntries();

        var failed = project.Build("-p:ExportSentiment=true");

        Assert.False(failed.Succeeded, failed.ToString());
        var error = Assert.Single(failed.Diagnostics(), d => d.Code == "MLB3008");
        Assert.Equal((project.ProjectFile, project.LineOf("<MlModel Include=\"Sentiment\"")), (error.File, error.Line));
        Assert.StartsWith("Sentiment: ExportOnnx: the model cannot be converted to ONNX: step 1 of 4, " +
                          "TextFeaturizingEstimator.Transformer, writing 'SentimentText', blocks it (", error.Message);
        Assert.Equal(model, File.ReadAllBytes(project.ModelFile("Sentiment")));
        Assert.Equal(lockFile, File.ReadAllBytes(project.LockFile));
        Assert.Equal(cacheEntries, project.CacheEntries());
        Assert.False(File.Exists(OnnxFile(project, "Sentiment")));
        Assert.Empty(Directory.GetFiles(project.OutputDirectory, "*.tmp"));
    }
}
