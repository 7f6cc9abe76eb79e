using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>The train target on real builds: what trains, what does not, and what the build leaves behind.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class TrainTargetTests(PackageFeedFixture feed)
{
    private const string IrisItem = """
        <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/iris-train.tsv" TestData="data/iris-test.tsv" />
        """;

    private const string HeartItem = """
        <MlModel Include="Heart" Task="BinaryClassification" TrainData="data/heart-train.csv" TestData="data/heart-test.csv"
                 Columns="Age;Sex;Cp;TrestBps;Chol;Fbs;RestEcg;Thalac;Exang;OldPeak;Slope;Ca;Thal;Label" />
        """;

    private TestProject IrisProject(string items = IrisItem) =>
        new TestProject(feed, "IrisModels")
            .WithProject(items)
            .WithData("iris/train.tsv", "data/iris-train.tsv")
            .WithData("iris/test.tsv", "data/iris-test.tsv");

    [Fact]
    public void First_build_trains_and_writes_the_model_and_its_lock_entry_then_the_next_build_is_up_to_date()
    {
        var project = IrisProject();

        var first = project.Build();

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.Trained("Iris"), first.Output);
        Assert.True(File.Exists(project.ModelFile("Iris")));
        var entry = project.LockEntry("Iris");
        Assert.Equal(32, ((string)entry["fingerprint"]!).Length);
        Assert.Equal("data/iris-train.tsv", (string)entry["inputs"]![0]!["path"]!);
        Assert.Equal(new FileInfo(project.PathOf("data/iris-train.tsv")).Length, (long)entry["inputs"]![0]!["size"]!);
        Assert.Equal(new FileInfo(project.ModelFile("Iris")).Length, (long)entry["model"]!["size"]!);
        Assert.StartsWith("xxh128:", (string)entry["model"]!["hash"]!);
        Assert.InRange((double)entry["metrics"]!["MacroAccuracy"]!, 0.8, 1.0);
        Assert.Equal("5.0.1", (string)entry["versions"]!["Microsoft.ML"]!);
        Assert.Equal(42, (int)entry["seed"]!);
        Assert.Single(project.CacheEntries());

        var lockBytes = File.ReadAllBytes(project.LockFile);
        var lockWritten = File.GetLastWriteTimeUtc(project.LockFile);
        var second = project.Build();

        Assert.True(second.Succeeded, second.ToString());
        Assert.True(second.WasUpToDate("Iris"), second.Output);
        Assert.False(second.Trained("Iris"), second.Output);
        Assert.Equal(lockBytes, File.ReadAllBytes(project.LockFile));
        Assert.Equal(lockWritten, File.GetLastWriteTimeUtc(project.LockFile));
    }

    [Fact]
    public void A_teams_item_definition_in_Directory_Build_props_is_the_default_and_an_items_own_metadata_wins()
    {
        var project = IrisProject(IrisItem + """
                <MlModel Include="Iris3" Task="MulticlassClassification" TrainData="data/iris-train.tsv" TestData="data/iris-test.tsv" Seed="3" />
                """)
            .WithFile("Directory.Build.props", """
                <Project>
                  <ItemDefinitionGroup>
                    <MlModel>
                      <Seed>7</Seed>
                    </MlModel>
                  </ItemDefinitionGroup>
                </Project>
                """);

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(7, (int)project.LockEntry("Iris")["seed"]!);
        Assert.Equal(3, (int)project.LockEntry("Iris3")["seed"]!);
    }

    [Fact]
    public void A_touched_but_unchanged_data_file_retrains_nothing()
    {
        var project = IrisProject();
        Assert.True(project.Build().Succeeded);
        var model = File.ReadAllBytes(project.ModelFile("Iris"));

        File.SetLastWriteTimeUtc(project.PathOf("data/iris-train.tsv"), DateTime.UtcNow.AddMinutes(-5));
        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.WasUpToDate("Iris"), build.Output);
        Assert.False(build.Trained("Iris"), build.Output);
        Assert.Equal(model, File.ReadAllBytes(project.ModelFile("Iris")));
    }

    [Fact]
    public void One_changed_row_retrains_only_the_model_that_reads_it()
    {
        var project = IrisProject(IrisItem + HeartItem)
            .WithData("heart-disease/train.csv", "data/heart-train.csv")
            .WithData("heart-disease/test.csv", "data/heart-test.csv");
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.Trained("Iris") && first.Trained("Heart"), first.Output);
        var heartModel = File.ReadAllBytes(project.ModelFile("Heart"));
        var heartEntry = project.LockEntry("Heart").ToJsonString();

        ChangeOneRow(project.PathOf("data/iris-train.tsv"));
        var second = project.Build();

        Assert.True(second.Succeeded, second.ToString());
        Assert.True(second.Trained("Iris"), second.Output);
        Assert.True(second.WasUpToDate("Heart"), second.Output);
        Assert.False(second.Trained("Heart"), second.Output);
        Assert.Equal(heartModel, File.ReadAllBytes(project.ModelFile("Heart")));
        Assert.Equal(heartEntry, project.LockEntry("Heart").ToJsonString());
    }

    [Fact]
    public void Changed_params_retrain_and_are_recorded_in_the_lock_file()
    {
        var project = IrisProject(IrisItem.Replace("/>", "Params=\"iris.params.json\" />"))
            .WithFile("iris.params.json", """{ "MaximumNumberOfIterations": 20 }""");
        Assert.True(project.Build().Succeeded);
        var fingerprint = (string)project.LockEntry("Iris")["fingerprint"]!;

        project.WithFile("iris.params.json", """{ "MaximumNumberOfIterations": 5 }""");
        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Trained("Iris"), build.Output);
        var entry = project.LockEntry("Iris");
        Assert.NotEqual(fingerprint, (string)entry["fingerprint"]!);
        Assert.Equal(5, (int)entry["params"]!["MaximumNumberOfIterations"]!);
    }

    [Fact]
    public void Returning_to_earlier_inputs_restores_the_model_from_the_cache_without_training()
    {
        var project = IrisProject();
        Assert.True(project.Build().Succeeded);
        var original = File.ReadAllText(project.PathOf("data/iris-train.tsv"));
        var originalEntry = project.LockEntry("Iris").ToJsonString();
        var originalModel = File.ReadAllBytes(project.ModelFile("Iris"));

        ChangeOneRow(project.PathOf("data/iris-train.tsv"));
        Assert.True(project.Build().Trained("Iris"));
        File.WriteAllText(project.PathOf("data/iris-train.tsv"), original);
        var back = project.Build();

        Assert.True(back.Succeeded, back.ToString());
        Assert.True(back.Restored("Iris"), back.Output);
        Assert.False(back.Trained("Iris"), back.Output);
        Assert.Equal(originalEntry, project.LockEntry("Iris").ToJsonString());
        Assert.Equal(originalModel, File.ReadAllBytes(project.ModelFile("Iris")));
    }

    [Fact]
    public void Clean_removes_the_models_it_wrote_but_keeps_the_cache_and_the_lock_file()
    {
        var project = IrisProject();
        Assert.True(project.Build().Succeeded);

        var clean = project.Clean();

        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(File.Exists(project.ModelFile("Iris")));
        Assert.True(File.Exists(project.LockFile));
        Assert.Single(project.CacheEntries());
        var rebuild = project.Build();
        Assert.True(rebuild.Restored("Iris"), rebuild.Output);
        Assert.False(rebuild.Trained("Iris"), rebuild.Output);
    }

    [Fact]
    public void A_damaged_cache_entry_is_discarded_and_the_model_trained_again()
    {
        var project = IrisProject();
        Assert.True(project.Build().Succeeded);
        var cachedModel = Path.Combine(project.CacheEntries().Single(), "model.zip");
        File.AppendAllText(cachedModel, "damage");
        File.Delete(project.ModelFile("Iris"));

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains(build.Diagnostics("warning"), d => d.Code == "MLB4002");
        Assert.True(build.Trained("Iris"), build.Output);
        Assert.False(build.Restored("Iris"), build.Output);
        Assert.Equal(new FileInfo(project.ModelFile("Iris")).Length, new FileInfo(cachedModel).Length);
    }

    [Fact]
    public void The_same_inputs_and_seed_give_the_same_metrics_on_every_run()
    {
        var first = IrisProject(HeartItem)
            .WithData("heart-disease/train.csv", "data/heart-train.csv")
            .WithData("heart-disease/test.csv", "data/heart-test.csv");
        var second = IrisProject(HeartItem)
            .WithData("heart-disease/train.csv", "data/heart-train.csv")
            .WithData("heart-disease/test.csv", "data/heart-test.csv");

        Assert.True(first.Build().Trained("Heart"));
        Assert.True(second.Build().Trained("Heart"));

        Assert.Equal(first.LockEntry("Heart")["fingerprint"]!.ToJsonString(), second.LockEntry("Heart")["fingerprint"]!.ToJsonString());
        Assert.Equal(first.LockEntry("Heart")["metrics"]!.ToJsonString(), second.LockEntry("Heart")["metrics"]!.ToJsonString());
    }

    [Fact]
    public void Training_after_build_can_be_turned_off_and_run_on_its_own_with_the_Train_target()
    {
        var project = IrisProject();

        var build = project.Build("-p:MlBuildTrainOnBuild=false");
        Assert.True(build.Succeeded, build.ToString());
        Assert.False(build.Trained("Iris"), build.Output);
        Assert.False(File.Exists(project.ModelFile("Iris")));

        var train = project.Build("-t:Train", "-p:MlBuildTrainOnBuild=false");
        Assert.True(train.Succeeded, train.ToString());
        Assert.True(train.Trained("Iris"), train.Output);
        Assert.True(File.Exists(project.ModelFile("Iris")));
    }

    [Fact]
    public void Two_builds_training_the_same_model_at_once_share_one_valid_cache_entry()
    {
        var sharedCache = Path.Combine(feed.Root, "caches", "shared-" + Guid.NewGuid().ToString("N")[..8]);
        TestProject Make() => new TestProject(feed, "IrisTwin", sharedCache)
            .WithProject(IrisItem)
            .WithData("iris/train.tsv", "data/iris-train.tsv")
            .WithData("iris/test.tsv", "data/iris-test.tsv");
        var first = Make();
        var second = Make();

        var builds = new[] { first, second }.AsParallel().WithDegreeOfParallelism(2).Select(p => p.Build()).ToList();

        Assert.All(builds, build => Assert.True(build.Succeeded, build.ToString()));
        var entry = Assert.Single(first.CacheEntries());
        Assert.Equal(new FileInfo(Path.Combine(entry, "model.zip")).Length, (long)first.LockEntry("Iris")["model"]!["size"]!);
        Assert.Equal(first.LockEntry("Iris")["model"]!.ToJsonString(), second.LockEntry("Iris")["model"]!.ToJsonString());
        var third = Make().Build();
        Assert.True(third.Restored("Iris"), third.Output);
    }

    [Fact]
    public void A_multi_targeted_project_trains_once_with_its_first_target_framework()
    {
        var project = new TestProject(feed, "MultiTargeted")
            .WithProject(IrisItem, targetFrameworks: "net9.0;net10.0")
            .WithData("iris/train.tsv", "data/iris-train.tsv")
            .WithData("iris/test.tsv", "data/iris-test.tsv");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(1, build.Output.Split("Training Iris…").Length - 1);
        Assert.True(File.Exists(project.ModelFile("Iris")), project.ModelFile("Iris"));
        var again = project.Build();
        Assert.True(again.WasUpToDate("Iris"), again.Output);
        Assert.False(again.Trained("Iris"), again.Output);
    }

    private static void ChangeOneRow(string path)
    {
        var lines = File.ReadAllLines(path);
        var row = lines[5].Split('\t');
        row[1] = (double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture) + 0.1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[5] = string.Join('\t', row);
        File.WriteAllLines(path, lines);
    }
}
