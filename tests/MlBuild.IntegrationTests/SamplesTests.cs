using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>Each sample of the repository, copied to a fresh folder, builds against the packed package and
/// trains its models; the console samples then run and predict.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class SamplesTests(PackageFeedFixture feed)
{
    [Theory]
    [InlineData("Iris", "Iris", "setosa")]
    [InlineData("Sentiment", "Sentiment", "toxic")]
    [InlineData("HeartDisease", "HeartDisease", null)]
    [InlineData("TaxiFare", "TaxiFare", "predicted fare")]
    public void A_sample_trains_its_model_and_its_app_predicts(string sample, string model, string? appSays)
    {
        var project = TestProject.FromSample(feed, sample);

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(build.Trained(model), build.Output);
        Assert.True(File.Exists(project.ModelFile(model)));
        Assert.True(project.LockEntry(model)["metrics"]!.AsObject().Count > 0);
        Assert.True(project.Build().WasUpToDate(model));
        if (appSays is null)
            return;
        var run = ProcessRunner.Run("dotnet", [Path.Combine(project.OutputDirectory, sample + ".dll")], project.Directory,
            feed.Environment, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(appSays, run.Output);
    }
}
