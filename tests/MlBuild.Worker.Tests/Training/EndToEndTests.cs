using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Training;

public sealed class EndToEndTests
{
    [Fact]
    public void Iris_multiclass_trains_evaluates_and_writes_the_model_and_the_result()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Iris(temp);

        var (result, output) = InProcess.Run(request);

        Assert.Equal("LbfgsMaximumEntropy", result.Trainer);
        Assert.Equal(["LogLoss", "LogLossReduction", "MacroAccuracy", "MicroAccuracy"], result.Metrics.Keys);
        Assert.True(result.Metrics["MicroAccuracy"] > 0.9, $"MicroAccuracy {result.Metrics["MicroAccuracy"]}");
        Assert.Equal((120, 30), (result.TrainRows, result.TestRows));
        Assert.Equal(["Label", "Petal length", "Petal width", "Sepal length", "Sepal width"], result.Columns.Keys);
        Assert.All(result.Columns.Values, kind => Assert.Equal("Numeric", kind));
        Assert.Contains("mlbuild-progress: Iris: loaded 120 training rows, 30 test rows", output);

        Assert.True(File.Exists(request.ModelOutputPath));
        var written = JsonSerializer.Deserialize<TrainResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;
        Assert.Equal(result.Metrics, written.Metrics);
        Assert.Equal(result.Metrics.Keys, result.Intervals!.Keys);
        Assert.All(result.Intervals, i => Assert.True(i.Value.Low <= i.Value.Value && i.Value.Value <= i.Value.High, $"{i}"));
        Assert.Equal(result.Intervals, written.Intervals);
        Assert.Equal(result.Columns, written.Columns);
        // Temporary files were moved into place, none is left beside the outputs.
        Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(request.ModelOutputPath)!).Length);
    }

    [Fact]
    public void Sentiment_binary_trains_with_a_code_pipeline_of_the_project()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain, TestData.SentimentTest) with
        {
            Label = "Sentiment",
            Pipeline = typeof(SentimentPipeline).FullName,
            PipelineAssembly = typeof(SentimentPipeline).Assembly.Location,
            ParamsFile = temp.Write("params.json", """{ "L2Regularization": 0.5 }"""),
        };

        var (result, _) = InProcess.Run(request);

        Assert.Equal(typeof(SentimentPipeline).FullName, result.Trainer);
        Assert.Equal((249, 18), (result.TrainRows, result.TestRows));
        Assert.Equal("Text", result.Columns["SentimentText"]);
        Assert.Contains("LogLoss", result.Metrics.Keys);
        Assert.True(result.Metrics["AreaUnderRocCurve"] > 0.7, $"AUC {result.Metrics["AreaUnderRocCurve"]}");
    }

    [Fact]
    public void Heart_disease_without_a_header_trains_with_the_declared_column_names()
    {
        using var temp = new TestDirectory();

        var (result, output) = InProcess.Run(TestRequests.Heart(temp));

        Assert.Equal("LbfgsLogisticRegression", result.Trainer);
        Assert.Equal((283, 20), (result.TrainRows, result.TestRows));
        Assert.Equal(TestData.HeartColumns.Order(StringComparer.Ordinal), result.Columns.Keys);
        Assert.Equal(
            ["Accuracy", "AreaUnderPrecisionRecallCurve", "AreaUnderRocCurve", "F1Score", "LogLoss", "LogLossReduction",
             "NegativePrecision", "NegativeRecall", "PositivePrecision", "PositiveRecall"],
            result.Metrics.Keys);
        Assert.True(result.Metrics["Accuracy"] > 0.7, $"Accuracy {result.Metrics["Accuracy"]}");
        Assert.Contains("no header", output);
        Assert.Contains("1 is the positive class", output);
    }

    [Fact]
    public void Taxi_fares_regress_on_categorical_and_numeric_columns()
    {
        using var temp = new TestDirectory();

        var (result, _) = InProcess.Run(TestRequests.Taxi(temp));

        Assert.Equal("FastTree", result.Trainer);
        Assert.Equal((2000, 500), (result.TrainRows, result.TestRows));
        Assert.Equal("Categorical", result.Columns["vendor_id"]);
        Assert.Equal("Categorical", result.Columns["payment_type"]);
        Assert.Equal(["MeanAbsoluteError", "MeanSquaredError", "RSquared", "RootMeanSquaredError"], result.Metrics.Keys);
        Assert.True(result.Metrics["RSquared"] > 0.8, $"RSquared {result.Metrics["RSquared"]}");
    }

    [Fact]
    public void Without_test_data_a_seeded_split_of_the_training_data_is_the_test_set()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Iris(temp) with { TestData = null, TestFraction = 0.25 };

        var (first, _) = InProcess.Run(request);
        var (second, _) = InProcess.Run(request);

        Assert.Equal(120, first.TrainRows + first.TestRows);
        Assert.InRange(first.TestRows, 15, 45);
        Assert.Equal((first.TrainRows, first.TestRows), (second.TrainRows, second.TestRows));
        Assert.Equal(first.Metrics, second.Metrics);
    }

    [Fact]
    public void Features_restrict_the_columns_the_model_uses()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Taxi(temp) with { Features = ["trip_distance"], Trainer = "Sdca" };

        var (result, _) = InProcess.Run(request);

        Assert.Equal("Sdca", result.Trainer);
        Assert.True(result.Metrics["RSquared"] > 0.5, $"RSquared {result.Metrics["RSquared"]}");
    }
}
