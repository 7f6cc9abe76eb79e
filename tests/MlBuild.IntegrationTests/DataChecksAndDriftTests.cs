using System.Globalization;
using System.Text.Json.Nodes;
using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// The data checks, the data profile and the drift check in real builds of fresh projects against the packed package:
/// a failed check changes nothing, the profile travels with the model (output folder, cache, restore), and CheckDrift
/// and <c>mlbuild drift</c> tell shifted data from a fresh sample of the same distribution.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class DataChecksAndDriftTests(PackageFeedFixture feed)
{
    private const string IrisItem = """
        <MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/iris-train.tsv" TestData="data/iris-test.tsv" />
        """;

    private TestProject IrisProject() =>
        new TestProject(feed, "IrisChecks")
            .WithProject(IrisItem)
            .WithData("iris/train.tsv", "data/iris-train.tsv")
            .WithData("iris/test.tsv", "data/iris-test.tsv");

    private static string ProfileFile(TestProject project, string model) =>
        Path.Combine(project.OutputDirectory, model + ".profile.json");

    [Fact]
    public void A_failed_data_check_trains_nothing_and_leaves_the_model_profile_cache_and_lock_entry_as_they_were()
    {
        var project = IrisProject();
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        Assert.DoesNotContain(first.Diagnostics("warning"), d => d.Code.StartsWith("MLB21", StringComparison.Ordinal));
        var schema = project.LockEntry("Iris")["schema"]!;
        Assert.Equal("Label", (string)schema["label"]!);
        Assert.Equal("Numeric", (string)schema["columns"]!["Sepal width"]!);
        var model = File.ReadAllBytes(project.ModelFile("Iris"));
        var profile = File.ReadAllBytes(ProfileFile(project, "Iris"));
        var lockFile = File.ReadAllBytes(project.LockFile);
        var cacheEntries = project.CacheEntries();

        // An export that lost a column: Sepal width (the third field) is gone from both files.
        foreach (var file in new[] { "data/iris-train.tsv", "data/iris-test.tsv" })
            File.WriteAllLines(project.PathOf(file), File.ReadAllLines(project.PathOf(file))
                .Select(line => string.Join('\t', line.Split('\t').Where((_, i) => i != 2))));
        var failed = project.Build();

        Assert.False(failed.Succeeded, failed.ToString());
        var error = Assert.Single(failed.Diagnostics(), d => d.Code == "MLB2101");
        Assert.Equal((project.PathOf("data/iris-train.tsv"), 1), (error.File, error.Line));
        Assert.Contains("Iris: the training data's columns changed since the model was last trained", error.Message);
        Assert.Contains("removed 'Sepal width'", error.Message);
        Assert.Equal(model, File.ReadAllBytes(project.ModelFile("Iris")));
        Assert.Equal(profile, File.ReadAllBytes(ProfileFile(project, "Iris")));
        Assert.Equal(lockFile, File.ReadAllBytes(project.LockFile));
        Assert.Equal(cacheEntries, project.CacheEntries());
        Assert.Empty(Directory.GetFiles(project.OutputDirectory, "*.tmp"));

        // Accepted once, the change trains and the lock file records the new schema.
        var accepted = project.Build("-p:MlBuildAcceptSchemaChanges=true");
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.True(accepted.Trained("Iris"), accepted.Output);
        Assert.Null(project.LockEntry("Iris")["schema"]!["columns"]!["Sepal width"]);
        Assert.True(project.Build().WasUpToDate("Iris"));
    }

    [Fact]
    public void The_profile_lands_beside_the_model_and_comes_back_with_it_from_the_cache()
    {
        var project = IrisProject();
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        var profile = JsonNode.Parse(File.ReadAllText(ProfileFile(project, "Iris")))!;
        Assert.Equal(("Iris", "iris-train.tsv", 120), ((string)profile["model"]!, (string)profile["source"]!, (int)profile["rows"]!));
        var petal = profile["columns"]!.AsArray().Single(c => (string)c!["name"]! == "Petal length")!;
        Assert.Equal(101, petal["numeric"]!["quantiles"]!.AsArray().Count);
        var bytes = File.ReadAllBytes(ProfileFile(project, "Iris"));
        Assert.StartsWith("xxh128:", (string)project.LockEntry("Iris")["profile"]!["hash"]!);
        Assert.True(File.Exists(Path.Combine(Assert.Single(project.CacheEntries()), "profile.json")));

        var clean = project.Clean();
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(File.Exists(ProfileFile(project, "Iris")));
        var restored = project.Build();

        Assert.True(restored.Succeeded, restored.ToString());
        Assert.True(restored.Restored("Iris"), restored.Output);
        Assert.False(restored.Trained("Iris"), restored.Output);
        Assert.Equal(bytes, File.ReadAllBytes(ProfileFile(project, "Iris")));
    }

    /// <summary>Trips from one seeded generator: distance (exponential), payment type, passengers, and the fare.
    /// <paramref name="longer"/> scales the distances, as a change in where the taxis drive would.</summary>
    private static string Trips(int count, int seed, double longer = 1)
    {
        var random = new Random(seed);
        var lines = new List<string> { "distance,payment,passengers,fare" };
        for (var i = 0; i < count; i++)
        {
            var distance = -Math.Log(1 - random.NextDouble()) * 3 * longer;
            var payment = random.NextDouble() < 0.7 ? "CRD" : "CSH";
            var passengers = 1 + random.Next(4);
            var fare = 2.5 + 2.2 * distance + (payment == "CRD" ? 0.5 : 0) + random.NextDouble();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{distance:0.##},{payment},{passengers},{fare:0.##}"));
        }
        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void CheckDrift_and_mlbuild_drift_find_drift_in_shifted_data_and_none_in_a_fresh_sample()
    {
        var project = new TestProject(feed, "Trips")
            .WithProject("""
                <MlModel Include="Fares" Task="Regression" TrainData="data/train.csv" TestData="data/test.csv"
                         LabelColumn="fare" Params="fares.params.json" />
                """)
            .WithFile("fares.params.json", """{ "NumberOfTrees": 20 }""")
            .WithFile("data/train.csv", Trips(1500, seed: 1))
            .WithFile("data/test.csv", Trips(400, seed: 2))
            .WithFile("data/fresh.csv", Trips(600, seed: 3))
            .WithFile("data/shifted.csv", Trips(600, seed: 4, longer: 2));
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(build.Diagnostics("warning"), d => d.Code.StartsWith("MLB21", StringComparison.Ordinal));

        var fresh = project.Build("-t:CheckDrift", "-p:MlBuildDriftData=data/fresh.csv");
        var shifted = project.Build("-t:CheckDrift", "-p:MlBuildDriftData=data/shifted.csv");

        Assert.True(fresh.Succeeded, fresh.ToString());
        Assert.True(fresh.WasUpToDate("Fares"), fresh.Output);
        Assert.Contains("Fares: fresh.csv (600 rows) against the training data train.csv (1,500 rows): no drift", fresh.Output);
        Assert.Matches(@"feature\s+kind\s+PSI\s+PSI limit\s+KS\s+KS limit\s+drifted", fresh.Output);
        Assert.False(shifted.Succeeded, shifted.ToString());
        Assert.Contains("Fares: shifted.csv (600 rows) against the training data train.csv (1,500 rows): 1 of 3 features drifted", shifted.Output);
        var drift = Assert.Single(shifted.Diagnostics(), d => d.Code == "MLB2110");
        Assert.Equal(project.PathOf("data/shifted.csv"), drift.File);
        Assert.StartsWith("Fares: the feature 'distance' drifted from the training data", drift.Message);

        // The tool, as a scheduled job runs it: the same verdicts from the profile beside the model.
        var profile = ProfileFile(project, "Fares");
        var tool = Path.Combine(AppContext.BaseDirectory, "mlbuild.dll");
        var freshRun = ProcessRunner.Run("dotnet", ["exec", tool, "drift", "--profile", profile, "data/fresh.csv"],
            project.Directory, feed.Environment, TimeSpan.FromMinutes(1));
        var shiftedRun = ProcessRunner.Run("dotnet", ["exec", tool, "drift", "--profile", profile, "data/shifted.csv"],
            project.Directory, feed.Environment, TimeSpan.FromMinutes(1));

        Assert.True(freshRun.ExitCode == 0, freshRun.ToString());
        Assert.Contains("Fares: fresh.csv (600 rows) against the training data train.csv (1,500 rows): no drift", freshRun.Output);
        Assert.Equal(1, shiftedRun.ExitCode);
        Assert.Contains($"{project.PathOf("data/shifted.csv")}(1): error MLB2110: Fares: the feature 'distance' drifted", shiftedRun.Output);
        Assert.Contains("DRIFTED", shiftedRun.Output);
    }
}
