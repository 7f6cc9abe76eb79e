using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild;

// The Iris.Models.Iris package copied Iris.zip and Iris.mlmodel.json beside this program. Loading checks that the
// model is the one its manifest describes (its SHA-256 and input schema).
var ml = new MLContext();
var iris = MlModelPackage.Load(ml, "Iris");

var manifest = iris.Manifest;
// The primary metric on the test set, with its 95% interval when the lock file recorded one: "MacroAccuracy 0.9333 [0.8462, 1]".
Console.WriteLine($"{manifest.PackageId} {manifest.Version}: {manifest.Task} model, {manifest.PrimaryMetric}, " +
                  $"evaluation {manifest.Evaluation.Status}");
Console.WriteLine($"  trained by {manifest.Lineage.Trainer} from {string.Join(", ", manifest.Lineage.Inputs.Select(i => i.Path))}" +
                  (manifest.Lineage.Git?.Commit is { } commit ? $" at commit {commit[..7]}{(manifest.Lineage.Git.Dirty ? " (with uncommitted changes)" : "")}" : "") +
                  $", fingerprint {manifest.Lineage.Fingerprint}");

// The input class names the model's feature columns (the manifest lists them); the engine checks it against them.
var engine = iris.CreatePredictionEngine<Flower, Prediction>();
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
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"petal {flower.PetalLength} x {flower.PetalWidth} cm: {species[(int)prediction.PredictedLabel]} ({prediction.Score.Max():P0})"));
}

/// <summary>The model's feature columns, by the names of the Iris data's header line.</summary>
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
