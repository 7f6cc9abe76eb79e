using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

// Trains the taxi-fare model the way MlBuild's declarative mode does, written by hand:
//   dotnet TaxiFareHandWritten.dll <train.csv> <test.csv> <model.zip>
// The pipeline mirrors src/MlBuild.Worker: each feature column featurized in place in column order (the two text
// columns one-hot encoded, numbers as they are: the data has no missing values), concatenated into Features, a
// cache checkpoint, then FastTree with the worker's determinism settings (NumberOfThreads = 1, Seed = 42) on a
// context seeded with 42. Prints the test metrics as one JSON line that the benchmark compares with the lock file.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: TaxiFareHandWritten <train.csv> <test.csv> <model.zip>");
    return 2;
}
const int Seed = 42;
const string Label = "fare_amount";
var (trainPath, testPath, modelPath) = (args[0], args[1], args[2]);
var clock = Stopwatch.StartNew();

var ml = new MLContext(seed: Seed);
var loader = ml.Data.CreateTextLoader(new TextLoader.Options
{
    Separators = [','],
    HasHeader = true,
    Columns =
    [
        new TextLoader.Column("vendor_id", DataKind.String, 0),
        new TextLoader.Column("rate_code", DataKind.Single, 1),
        new TextLoader.Column("passenger_count", DataKind.Single, 2),
        new TextLoader.Column("trip_time_in_secs", DataKind.Single, 3),
        new TextLoader.Column("trip_distance", DataKind.Single, 4),
        new TextLoader.Column("payment_type", DataKind.String, 5),
        new TextLoader.Column(Label, DataKind.Single, 6),
    ],
});
var train = loader.Load(trainPath);
var test = loader.Load(testPath);

var pipeline = ml.Transforms.Categorical.OneHotEncoding("vendor_id")
    .Append(ml.Transforms.Categorical.OneHotEncoding("payment_type"))
    .Append(ml.Transforms.Concatenate("Features",
        "vendor_id", "rate_code", "passenger_count", "trip_time_in_secs", "trip_distance", "payment_type"))
    .AppendCacheCheckpoint(ml)
    .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
    {
        LabelColumnName = Label,
        FeatureColumnName = "Features",
        NumberOfThreads = 1,
        Seed = Seed,
    }));

var fitStarted = clock.Elapsed;
var model = pipeline.Fit(train);
var fitSeconds = (clock.Elapsed - fitStarted).TotalSeconds;
var metrics = ml.Regression.Evaluate(model.Transform(test), Label);
ml.Model.Save(model, train.Schema, modelPath);

Console.WriteLine("metrics " + JsonSerializer.Serialize(new SortedDictionary<string, double>(StringComparer.Ordinal)
{
    ["MeanAbsoluteError"] = metrics.MeanAbsoluteError,
    ["MeanSquaredError"] = metrics.MeanSquaredError,
    ["RSquared"] = metrics.RSquared,
    ["RootMeanSquaredError"] = metrics.RootMeanSquaredError,
}));
// Fit includes reading the training file: TextLoader reads lazily, while the fit passes over the data.
Console.WriteLine($"fit in {fitSeconds:0.000} s; fit, evaluated and saved in {clock.Elapsed.TotalSeconds:0.000} s");
return 0;
