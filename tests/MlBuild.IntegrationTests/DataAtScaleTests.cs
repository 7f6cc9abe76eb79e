using System.Text.RegularExpressions;
using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>
/// A training file far larger than the worker's memory allows to hold: the data path streams it (the checks, the
/// profile and training each read it as a stream), so training and evaluating it succeed with the worker's GC heap
/// capped at 256 MB, a quarter of what the rows would take as strings.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class DataAtScaleTests(PackageFeedFixture feed)
{
    private const long FileBytes = 150L << 20;
    private const string HeapCap = "-p:MlBuildWorkerEnvironment=DOTNET_GCHeapHardLimit=0x10000000";

    [Fact]
    public void A_150_MB_file_trains_and_evaluates_with_the_worker_heap_capped_at_256_MB()
    {
        var project = new TestProject(feed, "Scale").WithProject("""
            <MlModel Include="Scale" Task="Regression" Trainer="OnlineGradientDescent" TrainData="data/scale.csv"
                     LabelColumn="Label" TestFraction="0.1" />
            """);
        Directory.CreateDirectory(project.PathOf("data"));
        var rows = GeneratedData.WriteRegressionCsv(project.PathOf("data/scale.csv"), FileBytes);

        var build = project.Build(HeapCap);

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Trained("Scale"), build.Output);
        var entry = project.LockEntry("Scale");
        Assert.Equal(new FileInfo(project.PathOf("data/scale.csv")).Length, (long)entry["inputs"]![0]!["size"]!);
        // The label is a linear function of the features plus uniform noise: a linear model explains nearly all of it.
        Assert.InRange((double)entry["metrics"]!["RSquared"]!, 0.9, 1.0);
        var loaded = Regex.Match(build.Output, @"Scale: loaded (\d+) training rows, (\d+) test rows");
        Assert.True(loaded.Success, build.Output);
        var (trainRows, testRows) = (long.Parse(loaded.Groups[1].Value), long.Parse(loaded.Groups[2].Value));
        Assert.Equal(rows, trainRows + testRows);
        Assert.InRange(testRows, rows / 20, rows / 5);

        var evaluation = project.Evaluate(null, HeapCap);

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        Assert.Contains($"evaluating on {testRows} test rows", evaluation.Output);
    }
}
