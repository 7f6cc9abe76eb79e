using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Training;

/// <summary>What an application does with a trained model: load it by name and predict from the raw columns,
/// without the label it is meant to predict.</summary>
public sealed class PredictionTests
{
    public sealed class IrisFeatures
    {
        [ColumnName("Sepal length")] public float SepalLength { get; set; }
        [ColumnName("Sepal width")] public float SepalWidth { get; set; }
        [ColumnName("Petal length")] public float PetalLength { get; set; }
        [ColumnName("Petal width")] public float PetalWidth { get; set; }
    }

    public sealed class NumericClassPrediction
    {
        public float PredictedLabel { get; set; }
    }

    public sealed class NamedClassPrediction
    {
        public string PredictedLabel { get; set; } = "";
    }

    public sealed class TaxiTrip
    {
        [ColumnName("vendor_id")] public string VendorId { get; set; } = "";
        [ColumnName("rate_code")] public float RateCode { get; set; }
        [ColumnName("passenger_count")] public float PassengerCount { get; set; }
        [ColumnName("trip_time_in_secs")] public float TripTime { get; set; }
        [ColumnName("trip_distance")] public float TripDistance { get; set; }
        [ColumnName("payment_type")] public string PaymentType { get; set; } = "";
    }

    public sealed class FarePrediction
    {
        public float Score { get; set; }
    }

    private static readonly IrisFeatures Setosa = new() { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f };
    private static readonly IrisFeatures Virginica = new() { SepalLength = 6.9f, SepalWidth = 3.1f, PetalLength = 5.6f, PetalWidth = 2.3f };

    [Fact]
    public void A_multiclass_model_predicts_the_original_label_values_without_a_label_column()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Iris(temp);
        InProcess.Run(request);
        var ml = new MLContext(seed: 0);

        var engine = MlModelFile.CreatePredictionEngine<IrisFeatures, NumericClassPrediction>(ml, "Iris",
            Path.GetDirectoryName(request.ModelOutputPath));

        Assert.Equal(0f, engine.Predict(Setosa).PredictedLabel);
        Assert.Equal(2f, engine.Predict(Virginica).PredictedLabel);
    }

    [Fact]
    public void String_classes_come_back_as_strings()
    {
        using var temp = new TestDirectory();
        string[] names = ["setosa", "versicolor", "virginica"];
        string Rename(string line) => line.StartsWith('#') ? line : names[int.Parse(line[..1])] + line[1..];
        var train = temp.Write("train.tsv", string.Join('\n', File.ReadLines(TestData.IrisTrain).Select(Rename)));
        var test = temp.Write("test.tsv", string.Join('\n', File.ReadLines(TestData.IrisTest).Select(Rename)));
        var request = TestRequests.For(temp, "Species", "MulticlassClassification", train, test);
        var (result, _) = InProcess.Run(request);

        var engine = MlModelFile.CreatePredictionEngine<IrisFeatures, NamedClassPrediction>(new MLContext(seed: 0),
            "Species", Path.GetDirectoryName(request.ModelOutputPath));

        Assert.Equal("Categorical", result.Columns["Label"]);
        Assert.Equal("setosa", engine.Predict(Setosa).PredictedLabel);
        Assert.Equal("virginica", engine.Predict(Virginica).PredictedLabel);
    }

    [Fact]
    public void The_saved_schema_is_the_raw_columns_and_a_regression_model_scores_raw_rows()
    {
        using var temp = new TestDirectory();
        var request = TestRequests.Taxi(temp);
        InProcess.Run(request);
        var ml = new MLContext(seed: 0);

        var model = MlModelFile.Load(ml, "Taxi", out var schema, Path.GetDirectoryName(request.ModelOutputPath));
        var engine = ml.Model.CreatePredictionEngine<TaxiTrip, FarePrediction>(model);
        var fare = engine.Predict(new TaxiTrip
        {
            VendorId = "VTS", RateCode = 1, PassengerCount = 1, TripTime = 1140, TripDistance = 3.75f, PaymentType = "CRD",
        }).Score;

        Assert.Equal(TextDataViewType.Instance, schema["vendor_id"].Type);
        Assert.Equal(NumberDataViewType.Single, schema["fare_amount"].Type);
        Assert.InRange(fare, 10f, 25f);
    }

    [Fact]
    public void A_model_that_is_not_there_says_to_build()
    {
        using var temp = new TestDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => MlModelFile.Load(new MLContext(), "Iris", temp.Path));

        Assert.Contains("run dotnet build", error.Message);
        Assert.Equal(Path.Combine(temp.Path, "Iris.zip"), error.FileName);
    }

    [Fact]
    public void Models_are_looked_for_beside_the_application() =>
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Iris.zip"), MlModelFile.PathOf("Iris"));

    [Fact]
    public void A_path_is_not_a_model_name() =>
        Assert.Throws<ArgumentException>(() => MlModelFile.PathOf("../Iris"));
}
