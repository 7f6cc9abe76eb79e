using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Training;

/// <summary>Each error code as a whole training run reports it: the code, and the file and line it points at
/// (the MlModel item for declaration errors, the data or params file for errors in them).</summary>
public sealed class ErrorTests
{
    private static Location Item(TestDirectory temp) =>
        new(TestRequests.ProjectFile(temp), TestRequests.ItemLine, TestRequests.ItemColumn);

    private static void AssertNoOutputs(Protocol.TrainRequest request)
    {
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Fact]
    public void MLB1005_an_unknown_task()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Iris(temp) with { Task = "Ranking" };

        var error = InProcess.Fails(request);

        Assert.Equal((MlbCodes.UnknownTask, Item(temp)), (error.Code, error.At));
        AssertNoOutputs(request);
    }

    [Fact]
    public void MLB1006_an_unknown_trainer()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Iris(temp) with { Trainer = "FastForest" });

        Assert.Equal((MlbCodes.UnknownTrainer, Item(temp)), (error.Code, error.At));
        Assert.Contains("LbfgsMaximumEntropy (the default)", error.Message);
    }

    [Fact]
    public void MLB1007_a_params_file_that_does_not_parse()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("params.json", "{\n  \"L2Regularization\": 0.1\n  \"Quiet\": true\n}");

        var error = InProcess.Fails(TestRequests.Iris(temp) with { ParamsFile = path });

        Assert.Equal(MlbCodes.InvalidParamsFile, error.Code);
        Assert.Equal((path, 3), (error.At.File, error.At.Line));
    }

    [Fact]
    public void MLB1008_a_separator_of_several_characters()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Iris(temp) with { Separator = "tabs" });

        Assert.Equal((MlbCodes.InvalidMetadataValue, Item(temp)), (error.Code, error.At));
    }

    [Fact]
    public void MLB2001_an_empty_data_file()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("empty.csv", "");

        var error = InProcess.Fails(TestRequests.For(temp, "Empty", "Regression", path));

        Assert.Equal((MlbCodes.EmptyDataFile, new Location(path)), (error.Code, error.At));
    }

    [Fact]
    public void MLB2002_no_label_column_lists_the_columns()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Heart(temp) with { Columns = null });

        Assert.Equal((MlbCodes.LabelNotFound, Item(temp)), (error.Code, error.At));
        Assert.Contains("Column1, Column2", error.Message);
        Assert.Contains("set Label", error.Message);
    }

    [Fact]
    public void MLB2003_an_unknown_feature_column()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Iris(temp) with { Features = ["Sepal length", "Sepal height"] });

        Assert.Equal((MlbCodes.UnknownFeature, Item(temp)), (error.Code, error.At));
        Assert.Contains("'Sepal height'", error.Message);
        Assert.Contains("Petal width", error.Message);
    }

    [Fact]
    public void MLB2004_a_value_that_is_not_a_number_in_the_test_data()
    {
        using var temp = new TestDirectory();
        var lines = File.ReadAllLines(TestData.IrisTest);
        lines[5] = lines[5].Replace("\t3.", "\t3,", StringComparison.Ordinal);
        var test = temp.Write("test.tsv", string.Join('\n', lines));

        var error = InProcess.Fails(TestRequests.Iris(temp) with { TestData = test });

        Assert.Equal((MlbCodes.InvalidValue, new Location(test, 6)), (error.Code, error.At));
        Assert.Contains("'Sepal width'", error.Message);
        Assert.Contains("'3,", error.Message);
    }

    [Fact]
    public void MLB2005_binary_classification_of_three_classes_lists_them()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Iris(temp) with { Task = "BinaryClassification" });

        Assert.Equal((MlbCodes.UnsuitableLabel, new Location(TestData.IrisTrain)), (error.Code, error.At));
        Assert.Contains("0, 1, 2", error.Message);
    }

    [Fact]
    public void MLB2006_a_row_with_a_missing_field()
    {
        using var temp = new TestDirectory();
        var lines = File.ReadAllLines(TestData.TaxiTrain);
        lines[40] = lines[40][..lines[40].LastIndexOf(',')];
        var train = temp.Write("train.csv", string.Join('\n', lines));

        var error = InProcess.Fails(TestRequests.Taxi(temp) with { TrainData = train });

        Assert.Equal((MlbCodes.WrongFieldCount, new Location(train, 41)), (error.Code, error.At));
        Assert.Contains("6 fields but 7 were expected", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.001)]
    public void MLB2007_a_test_fraction_that_leaves_a_side_empty(double fraction)
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Iris(temp) with { TestData = null, TestFraction = fraction });

        Assert.Equal((MlbCodes.EmptySplit, Item(temp)), (error.Code, error.At));
        Assert.Contains("TestFraction", error.Message);
    }

    [Fact]
    public void MLB1010_a_pipeline_assembly_that_is_not_built()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(TestRequests.Iris(temp) with
        {
            Pipeline = "App.IrisPipeline",
            PipelineAssembly = temp.File("App.dll"),
        });

        Assert.Equal((MlbCodes.PipelineAssemblyMissing, Item(temp)), (error.Code, error.At));
    }

    [Fact]
    public void MLB3001_an_unknown_pipeline_class_lists_the_pipelines_of_the_assembly()
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(CodeRequest(temp, "MlBuild.Worker.Tests.Support.SentimentPipelin"));

        Assert.Equal((MlbCodes.PipelineTypeNotFound, Item(temp)), (error.Code, error.At));
        Assert.Contains(typeof(SentimentPipeline).FullName!, error.Message);
        Assert.Contains(typeof(ThrowingPipeline).FullName!, error.Message);
        Assert.DoesNotContain(typeof(NotAPipeline).FullName!, error.Message);
    }

    [Theory]
    [InlineData(typeof(NotAPipeline), "does not implement MlBuild.IModelPipeline")]
    [InlineData(typeof(PipelineWithoutDefaultConstructor), "public parameterless constructor")]
    public void MLB3002_a_class_that_cannot_be_a_pipeline(Type type, string expected)
    {
        using var temp = new TestDirectory();

        var error = InProcess.Fails(CodeRequest(temp, type.FullName!));

        Assert.Equal((MlbCodes.InvalidPipelineType, Item(temp)), (error.Code, error.At));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MLB3003_a_pipeline_class_that_throws()
    {
        using var temp = new TestDirectory();
        var request = CodeRequest(temp, typeof(ThrowingPipeline).FullName!);

        var error = InProcess.Fails(request);

        Assert.Equal((MlbCodes.PipelineFailed, Item(temp)), (error.Code, error.At));
        Assert.Contains("System.InvalidOperationException", error.Message);
        Assert.Contains("No features for you.", error.Message);
        AssertNoOutputs(request);
    }

    [Fact]
    public void MLB3004_a_param_the_trainer_does_not_have()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("params.json", "{\n  \"NumberOfTrees\": 10,\n  \"Depth\": 3\n}");

        var error = InProcess.Fails(TestRequests.Taxi(temp) with { ParamsFile = path });

        Assert.Equal((MlbCodes.UnknownParam, new Location(path, 3, 3)), (error.Code, error.At));
        Assert.Contains("NumberOfLeaves", error.Message);
    }

    [Fact]
    public void MLB3005_a_param_of_the_wrong_type()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("params.json", "{ \"NumberOfTrees\": \"ten\" }");

        var error = InProcess.Fails(TestRequests.Taxi(temp) with { ParamsFile = path });

        Assert.Equal((MlbCodes.InvalidParamValue, new Location(path, 1, 3)), (error.Code, error.At));
        Assert.Contains("\"ten\"", error.Message);
    }

    [Fact]
    public void Params_reach_the_trainer()
    {
        using var temp = new TestDirectory();
        var few = temp.Write("few.json", """{ "NumberOfTrees": 2, "NumberOfLeaves": 2 }""");

        var (defaults, _) = InProcess.Run(TestRequests.Taxi(temp));
        var (small, _) = InProcess.Run(TestRequests.Taxi(temp) with { ParamsFile = few });

        Assert.True(small.Metrics["RSquared"] < defaults.Metrics["RSquared"] - 0.1,
            $"2 trees of 2 leaves: {small.Metrics["RSquared"]}, defaults: {defaults.Metrics["RSquared"]}");
    }

    private static Protocol.TrainRequest CodeRequest(TestDirectory temp, string pipeline) =>
        TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain, TestData.SentimentTest) with
        {
            Label = "Sentiment",
            Pipeline = pipeline,
            PipelineAssembly = typeof(SentimentPipeline).Assembly.Location,
        };
}
