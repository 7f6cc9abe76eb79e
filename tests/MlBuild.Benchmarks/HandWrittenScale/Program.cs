using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

// Trains, or evaluates, the scale benchmark's regression the way MlBuild's declarative mode does, written by hand:
//   dotnet exec ScaleHandWritten.dll train <data.csv> <FastTree|OnlineGradientDescent> <model.zip>
//   dotnet exec ScaleHandWritten.dll evaluate <model.zip> <data.csv>
// The data: x1…x8 and the label y, all numbers without missing values. The pipeline mirrors src/MlBuild.Worker
// (DeclarativePipeline, Featurizer, TrainerCatalog, TrainerOptionsBinder.ApplyDeterminism): the features concatenated
// in column order into Features (numbers without missing values need no transform), NormalizeMinMax for the linear
// OnlineGradientDescent only, a cache checkpoint, then the trainer with the worker's determinism settings (FastTree:
// NumberOfThreads = 1, Seed = 42; OnlineGradientDescent has neither). The context is seeded with 42, and the test set is
// ML.NET's TrainTestSplit of the file with MlBuild's defaults (TestFraction 0.2, seed 42), in training and evaluation
// alike. Prints the test metrics as one JSON line that the benchmark compares with MlBuild's, and the peak working set.
const int Seed = 42;
const double TestFraction = 0.2;
const string Label = "y";
string[] features = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"];

if (args is not ["train", _, _, _] and not ["evaluate", _, _])
{
    Console.Error.WriteLine("usage: ScaleHandWritten train <data.csv> <FastTree|OnlineGradientDescent> <model.zip>\n" +
                            "       ScaleHandWritten evaluate <model.zip> <data.csv>");
    return 2;
}
var clock = Stopwatch.StartNew();
var ml = new MLContext(seed: Seed);
// Every component ML.NET creates draws its own random seed from its context's random, in creation order: a TextLoader
// made from `ml` would shift the seed OnlineGradientDescent shuffles with, while MlBuild's worker reads through its own
// view, which draws none. The loader gets a context of its own, so the pipeline draws exactly the worker's seeds.
var reading = new MLContext(seed: Seed);
var loader = reading.Data.CreateTextLoader(new TextLoader.Options
{
    Separators = [','],
    HasHeader = true,
    Columns = [.. features.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i)),
               new TextLoader.Column(Label, DataKind.Single, features.Length)],
});

RegressionMetrics metrics;
if (args[0] == "train")
{
    var (dataPath, trainer, modelPath) = (args[1], args[2], args[3]);
    var data = loader.Load(dataPath);
    var split = ml.Data.TrainTestSplit(data, TestFraction, seed: Seed);
    var featurized = ml.Transforms.Concatenate("Features", features);
    var pipeline = trainer switch
    {
        "FastTree" => featurized.AppendCacheCheckpoint(ml)
            .Append<ITransformer>(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = Label,
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                Seed = Seed,
            })),
        "OnlineGradientDescent" => featurized.Append(ml.Transforms.NormalizeMinMax("Features")).AppendCacheCheckpoint(ml)
            .Append<ITransformer>(ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options
            {
                LabelColumnName = Label,
                FeatureColumnName = "Features",
            })),
        _ => throw new ArgumentException($"Unknown trainer '{trainer}': use FastTree or OnlineGradientDescent."),
    };

    var fitStarted = clock.Elapsed;
    var model = pipeline.Fit(split.TrainSet);
    var fitSeconds = (clock.Elapsed - fitStarted).TotalSeconds;
    metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), Label);
    ml.Model.Save(model, data.Schema, modelPath);
    // Fit includes reading the file: TextLoader reads lazily, while the cache fills in the first pass.
    Console.WriteLine($"fit in {fitSeconds:0.000} s");
}
else
{
    var (modelPath, dataPath) = (args[1], args[2]);
    var model = ml.Model.Load(modelPath, out _);
    var split = ml.Data.TrainTestSplit(loader.Load(dataPath), TestFraction, seed: Seed);
    metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), Label);
}

Console.WriteLine("metrics " + JsonSerializer.Serialize(new SortedDictionary<string, double>(StringComparer.Ordinal)
{
    ["MeanAbsoluteError"] = metrics.MeanAbsoluteError,
    ["MeanSquaredError"] = metrics.MeanSquaredError,
    ["RSquared"] = metrics.RSquared,
    ["RootMeanSquaredError"] = metrics.RootMeanSquaredError,
}));
using var self = Process.GetCurrentProcess();
Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.000} s; peak working set {self.PeakWorkingSet64} bytes");
return 0;
