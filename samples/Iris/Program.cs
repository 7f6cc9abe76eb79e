using Microsoft.ML;
using Microsoft.ML.Data;

// dotnet build trained Iris.zip from data/ and copied it beside this program.
var ml = new MLContext();
var model = ml.Model.Load(Path.Combine(AppContext.BaseDirectory, "Iris.zip"), out _);
var engine = ml.Model.CreatePredictionEngine<Flower, Prediction>(model);

var species = new[] { "setosa", "versicolor", "virginica" };
Flower[] flowers =
[
    new() { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f },
    new() { SepalLength = 6.4f, SepalWidth = 3.2f, PetalLength = 4.5f, PetalWidth = 1.5f },
    new() { SepalLength = 7.7f, SepalWidth = 3.0f, PetalLength = 6.1f, PetalWidth = 2.3f },
];
foreach (var flower in flowers)
{
    var prediction = engine.Predict(flower);
    Console.WriteLine($"petal {flower.PetalLength} x {flower.PetalWidth} cm: {species[(int)prediction.PredictedLabel]} " +
                      $"({prediction.Score.Max():P0})");
}

/// <summary>One row of the data, by the column names of its header line.</summary>
public sealed class Flower
{
    [ColumnName("Sepal length")] public float SepalLength { get; set; }
    [ColumnName("Sepal width")] public float SepalWidth { get; set; }
    [ColumnName("Petal length")] public float PetalLength { get; set; }
    [ColumnName("Petal width")] public float PetalWidth { get; set; }
}

public sealed class Prediction
{
    /// <summary>The label as it appears in the data: 0, 1 or 2.</summary>
    public float PredictedLabel { get; set; }
    public float[] Score { get; set; } = [];
}
