using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>Models whose pipeline is a class of the project, run in the worker with the project's own dependencies.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class CodePipelineTests(PackageFeedFixture feed)
{
    private const string SentimentItem = """
        <MlModel Include="Sentiment" Task="BinaryClassification" Pipeline="Samples.SentimentPipeline"
                 TrainData="data/train.tsv" TestData="data/test.tsv" LabelColumn="Sentiment" />
        """;

    private const string PipelineSource = """
        using Microsoft.ML;
        using MlBuild;

        namespace Samples;

        public sealed class SentimentPipeline : IModelPipeline
        {
            public IEstimator<ITransformer> Build(PipelineContext context) =>
                context.ML.Transforms.Text.FeaturizeText("Features", "SentimentText")
                    .Append(context.ML.BinaryClassification.Trainers.LbfgsLogisticRegression(
                        labelColumnName: context.LabelColumn, featureColumnName: "Features",
                        l2Regularization: context.Params.Get("L2", 1f)));
        }
        """;

    private const string OtherSource = """
        namespace Samples;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private TestProject SentimentProject() =>
        new TestProject(feed, "SentimentModels")
            .WithProject(SentimentItem)
            .WithData("sentiment-wikidetox/train.tsv", "data/train.tsv")
            .WithData("sentiment-wikidetox/test.tsv", "data/test.tsv")
            .WithFile("SentimentPipeline.cs", PipelineSource)
            .WithFile("Unrelated.cs", OtherSource);

    [Fact]
    public void A_code_pipeline_trains_and_retrains_only_when_its_own_code_changes()
    {
        var project = SentimentProject();

        var first = project.Build();

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.Trained("Sentiment"), first.Output);
        var entry = project.LockEntry("Sentiment");
        Assert.Equal("Samples.SentimentPipeline", (string)entry["pipeline"]!["class"]!);
        Assert.InRange((double)entry["metrics"]!["AreaUnderRocCurve"]!, 0.5, 1.0);

        project.WithFile("Unrelated.cs", OtherSource.Replace("42", "43"));
        var unrelatedChange = project.Build();
        Assert.True(unrelatedChange.Succeeded, unrelatedChange.ToString());
        Assert.True(unrelatedChange.WasUpToDate("Sentiment"), unrelatedChange.Output);

        project.WithFile("SentimentPipeline.cs", PipelineSource.Replace("\"L2\", 1f", "\"L2\", 0.5f"));
        var pipelineChange = project.Build();
        Assert.True(pipelineChange.Succeeded, pipelineChange.ToString());
        Assert.True(pipelineChange.Trained("Sentiment"), pipelineChange.Output);
        Assert.NotEqual((string)entry["pipeline"]!["codeHash"]!, (string)project.LockEntry("Sentiment")["pipeline"]!["codeHash"]!);
    }

    [Fact]
    public void A_console_app_loads_its_trained_model_from_its_base_directory_and_predicts()
    {
        var project = new TestProject(feed, "IrisApp")
            .WithProject("""<MlModel Include="Iris" Task="MulticlassClassification" TrainData="data/train.tsv" TestData="data/test.tsv" />""",
                outputType: "Exe")
            .WithData("iris/train.tsv", "data/train.tsv")
            .WithData("iris/test.tsv", "data/test.tsv")
            .WithFile("Program.cs", """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                var ml = new MLContext();
                var model = ml.Model.Load(Path.Combine(AppContext.BaseDirectory, "Iris.zip"), out _);
                var engine = ml.Model.CreatePredictionEngine<Flower, Prediction>(model);
                var setosa = engine.Predict(new Flower { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f });
                var virginica = engine.Predict(new Flower { SepalLength = 7.7f, SepalWidth = 3.0f, PetalLength = 6.1f, PetalWidth = 2.3f });
                Console.WriteLine($"predicted {setosa.PredictedLabel} {virginica.PredictedLabel}");

                public sealed class Flower
                {
                    [ColumnName("Sepal length")] public float SepalLength { get; set; }
                    [ColumnName("Sepal width")] public float SepalWidth { get; set; }
                    [ColumnName("Petal length")] public float PetalLength { get; set; }
                    [ColumnName("Petal width")] public float PetalWidth { get; set; }
                }

                public sealed class Prediction
                {
                    public float PredictedLabel { get; set; }
                }
                """);

        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());

        var run = ProcessRunner.Run("dotnet", [Path.Combine(project.OutputDirectory, "IrisApp.dll")], project.Directory,
            feed.Environment, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("predicted 0 2", run.Output);
    }
}
