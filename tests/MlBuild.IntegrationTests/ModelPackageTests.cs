using System.Text.Json.Nodes;
using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// dotnet build -t:PackageModel on real projects: what a model package holds and what its manifest records, the
/// refusals (failed gates, a stale lock entry) and how Force overrides them, and an application that references the
/// package from a local feed, builds, publishes and predicts.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ModelPackageTests(PackageFeedFixture feed)
{
    private const string Secret = "s3cr3t-t0ken";

    /// <summary>Each test packs under its own id prefix: the fixture's NuGet folder is shared, and NuGet keeps the
    /// first copy of a package id and version it extracts.</summary>
    private readonly string _prefix = "T" + Guid.NewGuid().ToString("N")[..8] + ".";

    private TestProject IrisProject(string gate = """<MlGate Include="Iris" Metric="MacroAccuracy" Min="0.80" />""", string version = "2.1.0") =>
        new TestProject(feed, "IrisModels")
            .WithProject($"""
                <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" TestData="data/test.tsv"
                         LabelColumn="Label" />
                {gate}
                """, properties: $"""
                <Version>{version}</Version>
                <MlBuildPackageIdPrefix>{_prefix}</MlBuildPackageIdPrefix>
                <MlBuildPackageOutputPath>bin/feed</MlBuildPackageOutputPath>
                """)
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv");

    private static BuildResult PackageModel(TestProject project, params string[] arguments) =>
        project.Build(["-t:PackageModel", .. arguments]);

    private string PackagePath(TestProject project, string version = "2.1.0") =>
        project.PathOf($"bin/feed/{_prefix}Iris.{version}.nupkg");

    [Fact]
    public void A_model_package_holds_the_model_its_manifest_and_model_card_and_the_manifest_records_schemas_metrics_gates_and_lineage()
    {
        var project = IrisProject();
        Assert.True(project.Build().Succeeded);
        project.Git("remote", "add", "origin", $"https://ci-bot:{Secret}@git.example.com/team/models.git?token={Secret}");
        project.Commit("iris, trained");
        var evaluation = project.Evaluate();
        Assert.True(evaluation.Succeeded, evaluation.ToString());
        var head = project.Git("rev-parse", "HEAD").Trim();

        var build = PackageModel(project);

        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains($"Iris -> {PackagePath(project)}", build.Output);
        var package = new NuGetPackageFile(PackagePath(project));
        var id = _prefix + "Iris";
        Assert.Subset(package.Entries.ToHashSet(),
            new HashSet<string> { "model/Iris.zip", "mlmodel.json", "README.md", $"build/{id}.targets", $"{id}.nuspec" });
        Assert.Equal(File.ReadAllBytes(project.ModelFile("Iris")), package.Bytes("model/Iris.zip"));
        Assert.Contains("<readme>README.md</readme>", package.Text($"{id}.nuspec"));
        Assert.Contains("<version>2.1.0</version>", package.Text($"{id}.nuspec"));
        Assert.Contains("Link=\"Iris.mlmodel.json\"", package.Text($"build/{id}.targets"));

        var manifest = package.Manifest;
        var entry = project.LockEntry("Iris");
        Assert.Equal("Iris", (string?)manifest["name"]);
        Assert.Equal(id, (string?)manifest["packageId"]);
        Assert.Equal("2.1.0", (string?)manifest["version"]);
        Assert.Equal("MulticlassClassification", (string?)manifest["task"]);
        Assert.Equal("Label", (string?)manifest["label"]);
        var input = manifest["inputSchema"]!.AsArray().Select(c => ((string?)c!["name"], (string?)c["type"], (string?)c["role"])).ToList();
        Assert.Equal(
            [("Label", "Single", "label"), ("Sepal length", "Single", "feature"), ("Sepal width", "Single", "feature"),
             ("Petal length", "Single", "feature"), ("Petal width", "Single", "feature")], input);
        var output = manifest["outputSchema"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (string?)c!["type"]);
        Assert.Equal("Single", output["PredictedLabel"]);
        Assert.Equal("Vector<Single, 3>", output["Score"]);

        var accuracy = manifest["metrics"]!["MacroAccuracy"]!;
        Assert.Equal((double)entry["metrics"]!["MacroAccuracy"]!, (double)accuracy["value"]!);
        Assert.Equal((double)entry["intervals"]!["MacroAccuracy"]!["low"]!, (double)accuracy["low"]!);
        Assert.Equal((double)entry["intervals"]!["MacroAccuracy"]!["high"]!, (double)accuracy["high"]!);
        Assert.Equal("passed", (string?)manifest["evaluation"]!["status"]);
        var gate = Assert.Single(manifest["evaluation"]!["gates"]!.AsArray());
        Assert.Equal(("MacroAccuracy", "passed"), ((string?)gate!["metric"], (string?)gate["status"]));

        var lineage = manifest["lineage"]!;
        Assert.Equal((string?)entry["fingerprint"], (string?)lineage["fingerprint"]);
        Assert.True(JsonNode.DeepEquals(entry["inputs"], lineage["inputs"]), lineage["inputs"]!.ToJsonString());
        Assert.Equal("data/train.tsv", (string?)lineage["inputs"]![0]!["path"]);
        Assert.Equal("LbfgsMaximumEntropy", (string?)lineage["trainer"]);
        Assert.Equal(42, (int)lineage["seed"]!);
        Assert.Equal("5.0.1", (string?)lineage["versions"]!["Microsoft.ML"]);
        Assert.Equal(feed.Version, (string?)lineage["versions"]!["MlBuild"]);
        Assert.Equal(head, (string?)lineage["git"]!["commit"]);
        Assert.False((bool)lineage["git"]!["dirty"]!);
        Assert.Equal("https://git.example.com/team/models.git", (string?)lineage["git"]!["remote"]);
        Assert.Equal("IrisModels.csproj", (string?)lineage["project"]);
        Assert.InRange(DateTimeOffset.Parse((string)lineage["builtAt"]!), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(new FileInfo(project.ModelFile("Iris")).Length, (long)manifest["model"]!["size"]!);
        Assert.Equal((string?)entry["model"]!["hash"], (string?)manifest["model"]!["hash"]);
        Assert.Empty(manifest["forced"]!.AsArray());
        Assert.DoesNotContain(Secret, package.AllText);

        var card = package.Text("README.md");
        Assert.StartsWith("# Iris 2.1.0", card);
        Assert.Contains("MacroAccuracy", card);
        Assert.Contains("Sepal length", card);
        Assert.Contains(head, card);
        Assert.Contains("data/train.tsv", card);
        Assert.Contains($"<PackageReference Include=\"{id}\" Version=\"2.1.0\" />", card);

        var again = PackageModel(project);
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains($"{id} 2.1.0 is up to date", again.Output);
    }

    [Fact]
    public void An_onnx_file_and_a_data_profile_beside_the_model_go_into_the_package_and_the_manifest()
    {
        var project = IrisProject(gate: "");
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        // Placed by hand beside the model, and packaged without building: a build would put back the files the lock
        // entry records and delete an .onnx it does not (OnnxExportTests packages a real export).
        File.WriteAllText(Path.Combine(project.OutputDirectory, "Iris.onnx"), "onnx bytes");
        File.WriteAllText(Path.Combine(project.OutputDirectory, "Iris.profile.json"), """{ "columns": {} }""");

        var packaged = PackageModel(project, "-p:NoBuild=true");

        Assert.True(packaged.Succeeded, packaged.ToString());
        var package = new NuGetPackageFile(PackagePath(project));
        Assert.Equal("onnx bytes", package.Text("model/Iris.onnx"));
        Assert.Equal("""{ "columns": {} }""", package.Text("model/Iris.profile.json"));
        Assert.Equal("Iris.onnx", (string?)package.Manifest["files"]!["onnx"]);
        Assert.Equal("Iris.profile.json", (string?)package.Manifest["files"]!["profile"]);
        Assert.Contains("Link=\"Iris.onnx\"", package.Text($"build/{_prefix}Iris.targets"));
        Assert.Equal("not-evaluated", (string?)package.Manifest["evaluation"]!["status"]);
    }

    [Fact]
    public void A_model_whose_gates_failed_is_refused_with_MLB7001_at_its_item_and_Force_packs_it_with_a_warning()
    {
        var project = IrisProject(gate: """<MlGate Include="Iris" Metric="MacroAccuracy" Min="0.99" />""");
        var evaluation = project.Evaluate();
        Assert.False(evaluation.Succeeded, evaluation.ToString());

        var refused = PackageModel(project);

        Assert.False(refused.Succeeded, refused.ToString());
        var error = Assert.Single(refused.Diagnostics(), d => d.Code == "MLB7001");
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Equal(project.LineOf("<MlModel Include=\"Iris\""), error.Line);
        Assert.Contains("minimum 0.99", error.Message);
        Assert.Contains("MlBuildPackageForce", error.Message);
        Assert.False(File.Exists(PackagePath(project)));

        var forced = PackageModel(project, "-p:MlBuildPackageForce=true");

        Assert.True(forced.Succeeded, forced.ToString());
        Assert.Contains(forced.Diagnostics("warning"), d => d.Code == "MLB7001");
        var package = new NuGetPackageFile(PackagePath(project));
        Assert.Equal("failed", (string?)package.Manifest["evaluation"]!["status"]);
        Assert.StartsWith("MLB7001", (string?)Assert.Single(package.Manifest["forced"]!.AsArray()));
        Assert.Contains("MlBuildPackageForce=true", package.Text("README.md"));
    }

    [Fact]
    public void A_lock_entry_that_no_longer_matches_its_inputs_is_refused_with_MLB7002_and_a_build_that_trains_packs()
    {
        var project = IrisProject(gate: "");
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        File.AppendAllText(project.PathOf("data/train.tsv"), "2\t6.9\t3.1\t5.4\t2.1\n");

        var stale = PackageModel(project, "-p:NoBuild=true");

        Assert.False(stale.Succeeded, stale.ToString());
        Assert.False(stale.Trained("Iris"), stale.Output);
        var error = Assert.Single(stale.Diagnostics(), d => d.Code == "MLB7002");
        Assert.Equal(project.LineOf("<MlModel Include=\"Iris\""), error.Line);
        Assert.Contains("data/train.tsv changed", error.Message);
        Assert.False(File.Exists(PackagePath(project)));

        var trained = PackageModel(project);

        Assert.True(trained.Succeeded, trained.ToString());
        Assert.True(trained.Trained("Iris"), trained.Output);
        var package = new NuGetPackageFile(PackagePath(project));
        Assert.Equal((string?)project.LockEntry("Iris")["fingerprint"], (string?)package.Manifest["lineage"]!["fingerprint"]);
    }

    [Fact]
    public void A_consumer_app_referencing_the_model_package_from_a_local_feed_builds_publishes_and_predicts()
    {
        var project = IrisProject(version: "1.0.0");
        Assert.True(project.Evaluate().Succeeded);
        var packaged = PackageModel(project);
        Assert.True(packaged.Succeeded, packaged.ToString());

        var app = ModelConsumer.Create(feed, "IrisApp", project.PathOf("bin/feed"), [(_prefix + "Iris", "1.0.0")], ConsumerProgram);
        var build = app.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(Path.Combine(app.OutputDirectory, "Iris.zip")));
        Assert.True(File.Exists(Path.Combine(app.OutputDirectory, "Iris.mlmodel.json")));
        var run = ModelConsumer.Run(feed, app.OutputDirectory, "IrisApp");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{_prefix}Iris 1.0.0 passed", run.Output);
        Assert.Contains("setosa: 0", run.Output);
        Assert.Contains("virginica: 2", run.Output);
        Assert.Contains("schema check: 'Petal width' is Single in the model but String in WrongFlower.PetalWidth", run.Output);

        var publishDirectory = app.PathOf("published");
        var publish = ProcessRunner.Run("dotnet", ["publish", app.ProjectFile, "-o", publishDirectory, "-nodeReuse:false", "-tl:off"],
            app.Directory, feed.Environment, TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, publish.ToString());
        var published = ModelConsumer.Run(feed, publishDirectory, "IrisApp");
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.Contains("virginica: 2", published.Output);
    }

    [Fact]
    public void A_consumer_updated_to_a_newer_model_package_gets_the_newer_model_in_its_output()
    {
        var project = IrisProject(gate: "", version: "1.0.0");
        Assert.True(PackageModel(project).Succeeded);
        var app = ModelConsumer.Create(feed, "IrisApp", project.PathOf("bin/feed"), [(_prefix + "Iris", "1.0.0")], ConsumerProgram);
        Assert.True(app.Build().Succeeded);
        var first = ModelConsumer.Run(feed, app.OutputDirectory, "IrisApp");
        Assert.Contains($"{_prefix}Iris 1.0.0", first.Output);

        // Version 1.1.0: another seed trains another model; the consumer moves to it.
        project.WithFile(Path.GetFileName(project.ProjectFile), File.ReadAllText(project.ProjectFile)
            .Replace("<Version>1.0.0</Version>", "<Version>1.1.0</Version>")
            .Replace("LabelColumn=\"Label\"", "LabelColumn=\"Label\" Seed=\"7\" Trainer=\"SdcaMaximumEntropy\""));
        Assert.True(PackageModel(project).Succeeded);
        app.WithFile("IrisApp.csproj", File.ReadAllText(app.ProjectFile).Replace("Version=\"1.0.0\"", "Version=\"1.1.0\""));
        var rebuilt = app.Build();

        Assert.True(rebuilt.Succeeded, rebuilt.ToString());
        var second = ModelConsumer.Run(feed, app.OutputDirectory, "IrisApp");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"{_prefix}Iris 1.1.0", second.Output);
        Assert.Contains("SdcaMaximumEntropy", second.Output);
    }

    [Fact]
    public void The_IrisConsumer_sample_predicts_with_the_model_package_of_the_Iris_sample()
    {
        var iris = TestProject.FromSample(feed, "Iris");
        var modelFeed = iris.PathOf("bin/feed");
        var packaged = PackageModel(iris, $"-p:MlBuildPackageOutputPath={modelFeed}/");
        Assert.True(packaged.Succeeded, packaged.ToString());
        Assert.True(File.Exists(Path.Combine(modelFeed, "Iris.Models.Iris.1.0.0.nupkg")), packaged.Output);

        var consumer = TestProject.FromSample(feed, "IrisConsumer").WithFile("nuget.config", LocalPackageFeed.NuGetConfig("models", modelFeed));
        var build = consumer.Build();

        Assert.True(build.Succeeded, build.ToString());
        var run = ModelConsumer.Run(feed, consumer.OutputDirectory, "IrisConsumer");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Iris.Models.Iris 1.0.0: MulticlassClassification model, MacroAccuracy", run.Output);
        Assert.Contains("petal 1.4 x 0.2 cm: setosa", run.Output);
        Assert.Contains("petal 6.1 x 2.3 cm: virginica", run.Output);
    }

    /// <summary>Loads the packaged model, predicts one flower of each species, and shows the schema check at work on an
    /// input class with a wrong member type.</summary>
    private const string ConsumerProgram = """
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using MlBuild;

        var ml = new MLContext();
        var iris = MlModelPackage.Load(ml, "Iris");
        Console.WriteLine($"{iris.Manifest.PackageId} {iris.Manifest.Version} {iris.Manifest.Evaluation.Status} {iris.Manifest.Lineage.Trainer}");
        var engine = iris.CreatePredictionEngine<Flower, Prediction>();
        foreach (var (species, flower) in new[]
        {
            ("setosa", new Flower { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f }),
            ("virginica", new Flower { SepalLength = 7.7f, SepalWidth = 3.0f, PetalLength = 6.1f, PetalWidth = 2.3f }),
        })
            Console.WriteLine($"{species}: {engine.Predict(flower).PredictedLabel}");
        try
        {
            iris.CreatePredictionEngine<WrongFlower, Prediction>();
        }
        catch (ModelSchemaMismatchException e)
        {
            Console.WriteLine("schema check: " + string.Join("; ", e.Differences));
        }

        public sealed class Flower
        {
            [ColumnName("Sepal length")] public float SepalLength { get; set; }
            [ColumnName("Sepal width")] public float SepalWidth { get; set; }
            [ColumnName("Petal length")] public float PetalLength { get; set; }
            [ColumnName("Petal width")] public float PetalWidth { get; set; }
        }

        public sealed class WrongFlower
        {
            [ColumnName("Sepal length")] public float SepalLength { get; set; }
            [ColumnName("Sepal width")] public float SepalWidth { get; set; }
            [ColumnName("Petal length")] public float PetalLength { get; set; }
            [ColumnName("Petal width")] public string PetalWidth { get; set; } = "";
        }

        public sealed class Prediction
        {
            public float PredictedLabel { get; set; }
        }
        """;
}
