using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Export;

/// <summary>
/// ExportOnnx in-process: models trained on the real test datasets are converted to ONNX, and ONNX Runtime, fed the
/// test rows, predicts what the saved ML.NET model predicts; a pipeline with a step the converter cannot handle fails
/// with MLB3008 naming that step, and writes nothing.
/// </summary>
public sealed class OnnxExportTests
{
    // Relative to the score's size for regression (|Δ| ≤ 1e-4·max(1, |score|)); absolute for probabilities.
    private const double Tolerance = 1e-4;

    private static TrainRequest Exporting(TrainRequest request, TestDirectory temp) =>
        request with { OnnxOutputPath = temp.File(Path.Combine("out", request.ModelName + ".onnx")) };

    /// <summary>The test rows, read by ML.NET's own text loader with the saved model's input schema, as an application
    /// would; both models are fed these same rows.</summary>
    private static (ITransformer Model, IDataView Rows) Load(MLContext ml, TrainRequest request, char separator, bool hasHeader)
    {
        var model = ml.Model.Load(request.ModelOutputPath, out var schema);
        var columns = schema.Select(c => new TextLoader.Column(c.Name, c.Type switch
        {
            BooleanDataViewType => DataKind.Boolean,
            TextDataViewType => DataKind.String,
            _ => DataKind.Single,
        }, c.Index)).ToArray();
        return (model, ml.Data.LoadFromTextFile(request.TestData!, columns, separator, hasHeader, allowQuoting: true));
    }

    [Fact]
    public void A_regression_model_of_the_taxi_data_exports_to_onnx_and_predicts_the_same_fares()
    {
        using var temp = new TestDirectory();
        var request = Exporting(TestRequests.Taxi(temp), temp);

        var (_, output) = InProcess.Run(request);

        Assert.Contains("Taxi: converted to ONNX (", output);
        var ml = new MLContext(seed: 0);
        var (model, rows) = Load(ml, request, ',', hasHeader: true);
        using var onnx = new OnnxSession(request.OnnxOutputPath!);
        Assert.Equal(["vendor_id", "rate_code", "passenger_count", "trip_time_in_secs", "trip_distance", "payment_type"], onnx.Inputs);
        var expected = model.Transform(rows).GetColumn<float>("Score").ToArray();
        var actual = (float[])onnx.Run(rows, "Score.output")["Score.output"];
        Assert.Equal(500, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"row {i}: ML.NET {expected[i]}, ONNX {actual[i]}");
    }

    [Fact]
    public void A_multiclass_model_of_iris_exports_with_its_classes_and_predicts_the_same_class_and_scores()
    {
        using var temp = new TestDirectory();
        var request = Exporting(TestRequests.Iris(temp), temp);

        InProcess.Run(request);

        var ml = new MLContext(seed: 0);
        var (model, rows) = Load(ml, request, '\t', hasHeader: false); // ML.NET's loader skips the '#' header as a comment
        using var onnx = new OnnxSession(request.OnnxOutputPath!);
        Assert.Equal(["Sepal length", "Sepal width", "Petal length", "Petal width"], onnx.Inputs);
        var scored = model.Transform(rows);
        var expectedClasses = scored.GetColumn<float>("PredictedLabel").ToArray();
        var expectedScores = scored.GetColumn<VBuffer<float>>("Score").SelectMany(s => s.DenseValues()).ToArray();
        var outputs = onnx.Run(rows, "PredictedLabel.output", "Score.output");
        Assert.Equal(expectedClasses, (float[])outputs["PredictedLabel.output"]);
        Assert.Equal([0f, 1f, 2f], expectedClasses.Distinct().Order());
        var scores = (float[])outputs["Score.output"];
        Assert.Equal(30 * 3, scores.Length);
        Assert.All(expectedScores.Zip(scores), pair => Assert.InRange(pair.Second - pair.First, -Tolerance, Tolerance));
    }

    [Fact]
    public void A_binary_model_of_the_heart_data_exports_and_predicts_the_same_class_and_probability()
    {
        using var temp = new TestDirectory();
        var request = Exporting(TestRequests.Heart(temp), temp);

        InProcess.Run(request);

        var ml = new MLContext(seed: 0);
        var (model, rows) = Load(ml, request, ';', hasHeader: false);
        using var onnx = new OnnxSession(request.OnnxOutputPath!);
        Assert.Equal(TestData.HeartColumns[..^1], onnx.Inputs);
        var scored = model.Transform(rows);
        var outputs = onnx.Run(rows, "PredictedLabel.output", "Probability.output");
        var expectedClasses = scored.GetColumn<bool>("PredictedLabel").ToArray();
        Assert.Equal(expectedClasses, (bool[])outputs["PredictedLabel.output"]);
        Assert.Contains(true, expectedClasses);
        Assert.Contains(false, expectedClasses);
        Assert.All(scored.GetColumn<float>("Probability").Zip((float[])outputs["Probability.output"]),
            pair => Assert.InRange(pair.Second - pair.First, -Tolerance, Tolerance));
    }

    [Fact]
    public void Missing_numbers_booleans_and_categories_convert_and_predict_the_same()
    {
        using var temp = new TestDirectory();
        string Rows(int seed)
        {
            var random = new Random(seed);
            var lines = new List<string> { "x,flag,color,y" };
            for (var i = 0; i < 200; i++)
            {
                var x = i % 7 == 0 ? "" : (random.NextDouble() * 10).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                var flag = random.Next(2) == 0 ? "true" : "false";
                var color = new[] { "red", "green", "blue" }[random.Next(3)];
                var y = (random.NextDouble() * 5 + (flag == "true" ? 2 : 0)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                lines.Add($"{x},{flag},{color},{y}");
            }
            return string.Join("\n", lines) + "\n";
        }
        var request = Exporting(TestRequests.For(temp, "Mixed", "Regression", temp.Write("train.csv", Rows(1)),
            temp.Write("test.csv", Rows(2))) with
        { Label = "y", Trainer = "Sdca" }, temp);

        var (_, output) = InProcess.Run(request);

        Assert.Contains("x (Numeric), flag (Boolean), color (Categorical)", output);
        var ml = new MLContext(seed: 0);
        var (model, rows) = Load(ml, request, ',', hasHeader: true);
        using var onnx = new OnnxSession(request.OnnxOutputPath!);
        Assert.Equal(["x", "flag", "color"], onnx.Inputs);
        var expected = model.Transform(rows).GetColumn<float>("Score").ToArray();
        var actual = (float[])onnx.Run(rows, "Score.output")["Score.output"];
        Assert.Equal(200, actual.Length);
        Assert.All(expected.Zip(actual), pair =>
            Assert.InRange(Math.Abs(pair.First - pair.Second), 0, Tolerance * Math.Max(1, Math.Abs(pair.First))));
    }

    [Fact]
    public void The_same_training_exports_the_same_bytes()
    {
        using var temp = new TestDirectory();
        var request = Exporting(TestRequests.Taxi(temp), temp);
        InProcess.Run(request);
        var first = File.ReadAllBytes(request.OnnxOutputPath!);

        InProcess.Run(request);

        Assert.Equal(first, File.ReadAllBytes(request.OnnxOutputPath!));
    }

    [Fact]
    public void Without_ExportOnnx_no_onnx_file_is_written()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Taxi(temp);

        var (_, output) = InProcess.Run(request);

        Assert.True(File.Exists(request.ModelOutputPath));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.onnx", SearchOption.AllDirectories));
        Assert.DoesNotContain("ONNX", output);
    }

    public static TheoryData<Type, string> Blockers => new()
    {
        // Replaces trip_distance in place: the converter only logs a warning, and would convert the rest as if the
        // trees read the raw distance.
        { typeof(OnnxTestPipelines.InPlaceCustomMapping), "CustomMappingTransformer<OnnxTestPipelines.Distance, OnnxTestPipelines.Distance>, writing 'trip_distance'" },
        // Adds a column: the converter throws.
        { typeof(OnnxTestPipelines.NewColumnCustomMapping), "CustomMappingTransformer<OnnxTestPipelines.Distance, OnnxTestPipelines.SquaredDistance>, writing 'DistanceSquared'" },
    };

    [Theory]
    [MemberData(nameof(Blockers))]
    public void A_custom_mapping_blocks_the_export_with_MLB3008_naming_it_and_nothing_is_written(Type pipeline, string step)
    {
        using var temp = new TestDirectory();
        var request = Exporting(TestRequests.Taxi(temp), temp) with
        {
            Pipeline = pipeline.FullName,
            PipelineAssembly = pipeline.Assembly.Location,
        };

        var error = InProcess.Fails(request);

        Assert.Equal(MlbCodes.OnnxConversionFailed, error.Code);
        Assert.Equal((request.ProjectFile, TestRequests.ItemLine), (error.At.File, error.At.Line));
        Assert.StartsWith("ExportOnnx: the model cannot be converted to ONNX: step 2 of ", error.Message);
        Assert.True(error.Message.Contains($", {step}, blocks it (", StringComparison.Ordinal), error.Message);
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.OnnxOutputPath));
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Fact]
    public void A_declarative_model_with_a_text_feature_names_the_text_featurizer_as_the_blocker()
    {
        using var temp = new TestDirectory();
        var request = Exporting(TestRequests.For(temp, "Sentiment", "BinaryClassification", TestData.SentimentTrain,
            TestData.SentimentTest) with
        { Label = "Sentiment" }, temp);

        var error = InProcess.Fails(request);

        // Microsoft.ML.OnnxConverter 0.23.1 cannot convert FeaturizeText (its text normalizer is never registered).
        Assert.Equal(MlbCodes.OnnxConversionFailed, error.Code);
        Assert.True(error.Message.StartsWith(
            "ExportOnnx: the model cannot be converted to ONNX: step 1 of 4, TextFeaturizingEstimator.Transformer, " +
            "writing 'SentimentText', blocks it (its conversion failed: ", StringComparison.Ordinal), error.Message);
        Assert.False(File.Exists(request.ModelOutputPath));
        Assert.False(File.Exists(request.OnnxOutputPath));
    }
}
