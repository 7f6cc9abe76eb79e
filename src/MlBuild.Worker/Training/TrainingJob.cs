using System.Diagnostics;
using Microsoft.ML;
using MlBuild.Data.Profiles;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Export;
using MlBuild.Worker.Pipelines;
using MlBuild.Worker.Requests;

namespace MlBuild.Worker.Training;

/// <summary>
/// Trains one model: checks the declaration (task, params, trainer or pipeline class) before touching the data,
/// loads and validates the data, runs the data checks and profiles it, fits the pipeline with a context seeded by the item's Seed, evaluates on the test
/// set (ML.NET's metrics, with the worker's bootstrap intervals), converts the model to ONNX when asked (ExportOnnx), and
/// writes the model, the profile, the ONNX model and then the result.
/// </summary>
internal static class TrainingJob
{
    public static TrainResult Run(TrainRequest request, ProgressReporter progress, TimeSpan? heartbeatInterval = null)
    {
        var declaredAt = RequestReader.DeclaredAt(request);
        var task = TaskParser.Parse(request.Task, declaredAt);
        var parameters = ParamsFile.Read(request.ParamsFile, declaredAt);
        var source = CreateSource(request, task, parameters, declaredAt);
        using var _ = source as IDisposable;
        if (request.OnnxOutputPath is not null)
            OnnxConverterPackage.EnsureReferenced(declaredAt);

        var ml = new MLContext(seed: request.Seed);
        var data = TrainingDataLoader.Load(ml, request, task, declaredAt, progress, progress.Warn);
        progress.Report($"loaded {data.TrainRows} training rows, {data.TestRows} test rows");
        var profile = PreTrainingChecks.Run(request, task, data, progress);
        var estimator = source.Build(ml, data);

        progress.Report($"training {source.Name}…");
        var clock = Stopwatch.StartNew();
        ITransformer trained;
        using (new Heartbeat(progress, "training", heartbeatInterval ?? Heartbeat.DefaultInterval))
            trained = estimator.Fit(data.TrainView);
        var trainingSeconds = clock.Elapsed.TotalSeconds;

        var transformed = trained.Transform(data.TestView);
        // Scored once: ML.NET's evaluator fills the cache, the intervals read the same values from it.
        var scored = ml.Data.Cache(transformed);
        var metrics = MetricsEvaluator.Evaluate(ml, task, scored, data.Selection.Label.Name);
        var intervals = MetricIntervals.Compute(task, scored, data.Selection.Label.Name, metrics, request.Seed);
        var model = ModelFinisher.Finish(ml, trained, transformed);
        // Converted before anything is written: a model that cannot be exported leaves the previous outputs as they were.
        (string Path, byte[] Bytes)? onnx = null;
        if (request.OnnxOutputPath is { } onnxPath)
        {
            onnx = (onnxPath, OnnxExporter.Export(ml, model, data, declaredAt));
            progress.Detail($"converted to ONNX ({onnx.Value.Bytes.Length} bytes)");
        }
        var result = new TrainResult
        {
            Trainer = source.Name,
            Metrics = metrics,
            Intervals = intervals,
            TrainingSeconds = trainingSeconds,
            TrainRows = checked((int)data.TrainRows),
            TestRows = checked((int)data.TestRows),
            Columns = new SortedDictionary<string, string>(
                data.Columns.ToDictionary(c => c.Name, c => c.Kind.ToString()), StringComparer.Ordinal),
            Label = data.Selection.Label.Name,
            Classes = task switch
            {
                ModelTask.BinaryClassification => data.Label.ClassNames,
                ModelTask.MulticlassClassification => data.Label.Classes,
                _ => null,
            },
        };
        OutputWriter.Write(ml, model, data.RawSchema, result, request.ModelOutputPath, request.ResultOutputPath,
            request.ProfileOutputPath is { } profilePath ? (profilePath, ProfileJson.Serialize(profile)) : null, onnx);
        // The build reports the outcome with every metric once it has put the model in place: detail only here.
        progress.Detail($"trained in {trainingSeconds:0.0} s{Headline(task, metrics)}");
        return result;
    }

    private static IEstimatorSource CreateSource(TrainRequest request, ModelTask task, ParamsFile parameters,
        Location declaredAt) =>
        string.IsNullOrWhiteSpace(request.Pipeline)
            ? DeclarativePipeline.Create(task, request.Trainer, parameters, request.Seed, declaredAt)
            : CodePipeline.Load(request.Pipeline.Trim(), request.PipelineAssembly, task, parameters, request.Seed, declaredAt);

    private static string Headline(ModelTask task, IReadOnlyDictionary<string, double> metrics)
    {
        var name = ModelTasks.PrimaryMetricOrDefault(task.ToString());
        return metrics.TryGetValue(name, out var value)
            ? $", {name} {value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}"
            : "";
    }
}
