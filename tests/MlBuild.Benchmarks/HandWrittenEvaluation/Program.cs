using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

// Evaluates a saved taxi-fare model on the test set the way a developer would by hand with ML.NET:
//   dotnet TaxiFareHandWrittenEvaluation.dll <model.zip> <test.csv>
// Loads the model, reads test.csv with a TextLoader (the columns of HandWritten/Program.cs), scores it with the
// model's Transform and computes ML.NET's regression metrics (point estimates, no intervals). Prints them as one JSON
// line that the benchmark compares with MlBuild's evaluation.json.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: TaxiFareHandWrittenEvaluation <model.zip> <test.csv>");
    return 2;
}
const string Label = "fare_amount";
var (modelPath, testPath) = (args[0], args[1]);
var clock = Stopwatch.StartNew();

var ml = new MLContext(seed: 42);
var model = ml.Model.Load(modelPath, out _);
var test = ml.Data.LoadFromTextFile(testPath, new TextLoader.Options
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
var metrics = ml.Regression.Evaluate(model.Transform(test), Label);

Console.WriteLine("metrics " + JsonSerializer.Serialize(new SortedDictionary<string, double>(StringComparer.Ordinal)
{
    ["MeanAbsoluteError"] = metrics.MeanAbsoluteError,
    ["MeanSquaredError"] = metrics.MeanSquaredError,
    ["RSquared"] = metrics.RSquared,
    ["RootMeanSquaredError"] = metrics.RootMeanSquaredError,
}));
Console.WriteLine($"evaluated in {clock.Elapsed.TotalSeconds:0.000} s");
return 0;
