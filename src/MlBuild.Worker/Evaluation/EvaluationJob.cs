using Microsoft.ML;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Evaluation.Bootstrap;
using MlBuild.Worker.Evaluation.Expectations;
using MlBuild.Data.Profiles;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Evaluation.Plots;
using MlBuild.Worker.Evaluation.Scoring;
using MlBuild.Worker.Evaluation.Slices;
using MlBuild.Worker.Requests;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Evaluation;

/// <summary>
/// Evaluates one model (and its baseline, when the request has one) on the model's test rows: loads them exactly as
/// training did, checks the slices and expectations against the data before scoring anything, scores each model once,
/// computes every metric with a seeded bootstrap interval (and paired deltas against the baseline, on the same
/// resamples), the confusion matrix, the slices and the expectations, measures latency and throughput, and writes the
/// result last.
/// </summary>
internal static class EvaluationJob
{
    public static EvaluateResult Run(EvaluateRequest request, ProgressReporter progress, TimeSpan? heartbeatInterval = null)
    {
        var data = request.Data;
        var declaredAt = RequestReader.DeclaredAt(data);
        var task = TaskParser.Parse(data.Task, declaredAt);
        var ml = new MLContext(seed: data.Seed);
        var rows = EvaluationDataLoader.Load(ml, request, task, declaredAt, progress);
        var sliceColumns = SliceColumns.Resolve(request.Slices, rows.Columns);
        var expectations = ExpectationParser.Read(request.Expectations, rows.Columns, task);
        var resamples = Math.Max(0, request.BootstrapSamples);

        using var _ = new Heartbeat(progress, "evaluating", heartbeatInterval ?? Heartbeat.DefaultInterval);
        // Scoring counts the test rows: the test file is not read for a count alone.
        var profile = ReadProfile(request.ProfilePath, declaredAt);
        var candidate = ScoredModel.Load(ml, request.ModelPath, "model", task, rows, declaredAt, testRows: null,
            gather: sliceColumns.Select(c => c.Name).ToList(), profile);
        var testRows = candidate.Predictions.Count;
        progress.Report($"evaluating on {testRows} test rows ({resamples} bootstrap resamples)…");
        var baseline = request.BaselineModelPath is { } baselinePath
            ? ScoredModel.Load(ml, baselinePath, "baseline model", task, rows, declaredAt, testRows)
            : null;

        var sets = new[] { candidate, baseline }.OfType<ScoredModel>().Select(m => m.Predictions.CreateMetrics()).ToList();
        var bootstrap = Bootstrapper.Run(sets, resamples, data.Seed);
        var classes = ClassNames(task, rows);
        var confusion = classes is null ? null : ClassReport.Confusion(candidate.Predictions, classes);
        var baselineConfusion = classes is null || baseline is null ? null : ClassReport.Confusion(baseline.Predictions, classes);

        var sliceValues = sliceColumns.Select(column => SliceValues(rows, candidate, column, task)).ToList();
        var slices = sliceColumns.Select((column, i) => SliceEvaluator.Evaluate(column.Name, sliceValues[i],
            request.Slices[i].MaxValues, candidate.Predictions, baseline?.Predictions, task, resamples, data.Seed)).ToList();
        var plotSlices = sliceColumns.Select((column, i) => (column.Name, sliceValues[i], request.Slices[i].MaxValues)).ToList();
        var plots = PlotBuilder.Build(candidate.Predictions, classes, plotSlices, residualEdges: null);
        var baselinePlots = baseline is null ? null
            : PlotBuilder.Build(baseline.Predictions, classes, plotSlices, plots.Regression?.Residuals.Edges);
        var failures = ExpectationChecker.Check(candidate.Model, expectations, task, rows);
        if (expectations.Count > 0)
            progress.Report($"expectations: {expectations.Count - failures.Count} of {expectations.Count} passed");

        var meta = ModelMeta.Measure(candidate.Model, rows.TestView, task);
        var baselineMeta = baseline is null ? null : ModelMeta.Measure(baseline.Model, rows.TestView, task);
        meta[MetaMetrics.PeakMemoryBytes] = ModelMeta.PeakMemoryBytes();

        var result = new EvaluateResult
        {
            TestRows = testRows,
            Metrics = bootstrap.Estimates(0),
            BaselineMetrics = baseline is null ? null : bootstrap.Estimates(1),
            Deltas = baseline is null ? null : bootstrap.Deltas(0, 1),
            Meta = meta,
            BaselineMeta = baselineMeta,
            PerClass = task == ModelTask.MulticlassClassification && confusion is not null ? ClassReport.PerClass(confusion) : null,
            Confusion = confusion,
            BaselinePerClass = task == ModelTask.MulticlassClassification && baselineConfusion is not null
                ? ClassReport.PerClass(baselineConfusion) : null,
            BaselineConfusion = baselineConfusion,
            Plots = plots,
            BaselinePlots = baselinePlots,
            Features = candidate.Features,
            Slices = slices,
            FailedExpectations = failures,
            ExpectationsChecked = expectations.Count,
        };
        OutputWriter.WriteJson(request.ResultOutputPath, result);
        return result;
    }

    /// <summary>The candidate's data profile, for the report's feature distributions: a profile that is missing or
    /// unreadable only leaves them out, as the report is not worth failing the evaluation for.</summary>
    private static DataProfile? ReadProfile(string? path, Location declaredAt)
    {
        if (path is null || !File.Exists(path))
            return null;
        try
        {
            return ProfileJson.Read(path, declaredAt);
        }
        catch (MlbException)
        {
            return null;
        }
    }

    /// <summary>The classes as the data writes them, in the model's order: binary negative then positive, multiclass
    /// by the label's keys (sorted values). Null for a regression.</summary>
    private static IReadOnlyList<string>? ClassNames(ModelTask task, TrainingData rows) => task switch
    {
        ModelTask.BinaryClassification => rows.Label.ClassNames,
        ModelTask.MulticlassClassification => ColumnText.KeyNames(rows.TestView.Schema[rows.Selection.Label.Name]),
        _ => null,
    };

    /// <summary>Each test row's value of the column, as text; the label as the data writes it (a binary label's
    /// true/false as its classes). Gathered in the candidate's scoring pass, or read in a pass of its own when the
    /// model's output does not carry the column.</summary>
    private static IReadOnlyList<string> SliceValues(TrainingData rows, ScoredModel candidate, DataColumn column,
        ModelTask task)
    {
        var values = candidate.Gathered.TryGetValue(column.Name, out var gathered)
            ? gathered
            : ColumnText.Read(rows.TestView, rows.TestView.Schema[column.Name]);
        return column.Index == rows.Selection.Label.Index && task == ModelTask.BinaryClassification
            ? values.Select(v => rows.Label.ClassNames[v == "true" ? 1 : 0]).ToArray()
            : values;
    }
}
