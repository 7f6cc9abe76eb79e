using System.Text.Json.Nodes;
using MlBuild.Core.Baselines;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Reporting;
using MlBuild.Protocol;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting.Html;

/// <summary>
/// Models with the plot data the worker computes (ModelPlots, the baseline's confusion matrix and per-class metrics,
/// slice metrics of the baseline, test features against the profile), for each task, with a paired baseline or none;
/// every name can be given, so that the same fixtures serve the hostile-names tests. A few values are not finite (a
/// ROC threshold of +∞ as ML.NET gives it, a NaN interval bound, a NaN residual mean) as real data can be.
/// </summary>
internal static class HtmlFixtures
{
    public const string ProjectDirectory = "/src/app";

    public static ModelEvaluation Binary(string name = "Sentiment", bool baseline = true, IReadOnlyList<string>? classes = null,
        IReadOnlyList<FeatureDistribution>? features = null, JsonObject? @params = null)
    {
        classes ??= ["False", "True"];
        var metrics = Estimates(("AreaUnderRocCurve", 0.91, 0.88, 0.94), ("AreaUnderPrecisionRecallCurve", 0.89, 0.85, 0.92),
            ("Accuracy", 0.86, 0.83, 0.89), ("F1Score", 0.85, 0.8, 0.88));
        var meta = Values(("PredictionLatencyP95Ms", 0.31), ("ThroughputRowsPerSecond", 91000));
        var result = (baseline
            ? Paired(metrics,
                Estimates(("AreaUnderRocCurve", 0.9, 0.87, 0.93), ("AreaUnderPrecisionRecallCurve", 0.88, 0.84, 0.91),
                    ("Accuracy", 0.84, 0.81, 0.87), ("F1Score", 0.83, 0.79, 0.87)),
                Deltas(("AreaUnderRocCurve", 0.01, 0.0, 0.02), ("AreaUnderPrecisionRecallCurve", 0.01, -0.01, 0.03),
                    ("Accuracy", 0.02, 0.0, 0.04), ("F1Score", 0.02, -0.01, 0.05)),
                meta, Values(("PredictionLatencyP95Ms", 0.29), ("ThroughputRowsPerSecond", 95000)))
            : Result(metrics, meta)) with
        {
            TestRows = 500,
            Confusion = new ConfusionMatrix(classes, [[200, 30], [40, 230]]),
            Plots = new ModelPlots { Binary = BinaryPlots(classes, shift: 0) },
            BaselinePlots = baseline ? new ModelPlots { Binary = BinaryPlots(classes, shift: 0.05) } : null,
            Features = features ?? [],
        };
        return Evaluation(name, "BinaryClassification", result, baseline, @params);
    }

    public static ModelEvaluation Multiclass(string name = "Iris", bool baseline = true, IReadOnlyList<string>? classes = null,
        IReadOnlyList<FeatureDistribution>? features = null, JsonObject? @params = null, SliceResult? slice = null)
    {
        classes ??= ["setosa", "versicolor", "virginica"];
        var metrics = Estimates(("MacroAccuracy", 0.93, 0.88, 0.97), ("MicroAccuracy", 0.94, 0.89, 0.98), ("LogLoss", 0.2, 0.15, 0.26));
        var meta = Values(("PredictionLatencyP95Ms", 0.12));
        var result = (baseline
            ? Paired(metrics, Estimates(("MacroAccuracy", 0.9, 0.85, 0.95), ("MicroAccuracy", 0.91, 0.86, 0.96), ("LogLoss", 0.25, 0.2, 0.3)),
                Deltas(("MacroAccuracy", 0.03, 0.0, 0.06), ("MicroAccuracy", 0.03, 0.0, 0.06), ("LogLoss", -0.05, -0.08, -0.02)),
                meta, Values(("PredictionLatencyP95Ms", 0.11)))
            : Result(metrics, meta)) with
        {
            TestRows = 150,
            Confusion = Confusion(classes, errors: 1),
            PerClass = PerClass(classes, 0.9),
            BaselineConfusion = baseline ? Confusion(classes, errors: 2) : null,
            BaselinePerClass = baseline ? PerClass(classes, 0.85) : null,
            Features = features ?? [],
            Slices = slice is null ? [] : [slice],
        };
        return Evaluation(name, "MulticlassClassification", result, baseline, @params);
    }

    /// <summary>A regression with one slice column: by its RootMeanSquaredError (the metric the worker ranks slices
    /// by), the first value is the worst.</summary>
    public static ModelEvaluation Regression(string name = "TaxiFare", bool baseline = true, string column = "payment_type",
        IReadOnlyList<string>? values = null, IReadOnlyList<FeatureDistribution>? features = null, JsonObject? @params = null)
    {
        values ??= ["CSH", "CRD", "(other)"];
        var metrics = Estimates(("RSquared", 0.75, 0.72, 0.78), ("RootMeanSquaredError", 5.7, 5.4, 6.0), ("MeanAbsoluteError", 2.0, 1.9, 2.1));
        var meta = Values(("PredictionLatencyP95Ms", 0.9));
        var result = (baseline
            ? Paired(metrics, Estimates(("RSquared", 0.73, 0.7, 0.76), ("RootMeanSquaredError", 6.0, 5.7, 6.3), ("MeanAbsoluteError", 2.2, 2.1, 2.3)),
                Deltas(("RSquared", 0.02, 0.01, 0.03), ("RootMeanSquaredError", -0.3, -0.5, -0.1), ("MeanAbsoluteError", -0.2, -0.3, -0.1)),
                meta, Values(("PredictionLatencyP95Ms", 1.0)))
            : Result(metrics, meta)) with
        {
            TestRows = 2000,
            Slices =
            [
                new SliceResult
                {
                    Column = column,
                    Worst = values[0],
                    Values = values.Select((v, i) => new SliceValue
                    {
                        Value = v,
                        Rows = 700 - 100 * i,
                        // The interval's low bound of the last value is not a number.
                        Metrics = Estimates(("RSquared", 0.7 + 0.02 * i, 0.65, 0.75 + 0.02 * i),
                            ("RootMeanSquaredError", 6.4 - 0.3 * i, i == values.Count - 1 ? double.NaN : 5.9 - 0.3 * i, 6.9 - 0.3 * i)),
                        BaselineMetrics = baseline
                            ? Estimates(("RSquared", 0.68 + 0.02 * i, 0.62, 0.73 + 0.02 * i), ("RootMeanSquaredError", 6.6 - 0.3 * i, 6.1 - 0.3 * i, 7.1 - 0.3 * i))
                            : null,
                    }).ToList(),
                },
            ],
            Plots = new ModelPlots { Regression = RegressionPlots(column, values, shift: 0) },
            BaselinePlots = baseline ? new ModelPlots { Regression = RegressionPlots(column, values, shift: 0.4) } : null,
            Features = features ?? [],
        };
        return Evaluation(name, "Regression", result, baseline, @params);
    }

    /// <summary>Test features against the training profile, one moved (high PSI).</summary>
    public static IReadOnlyList<FeatureDistribution> Features(params string[] names) =>
        names.Select((n, i) => new FeatureDistribution(n, i % 2 == 0 ? "Numeric" : "Categorical", ["[0, 1)", "[1, 2)", "[2, 3]"],
            [100, 200, 100], i == 0 ? [50, 100, 250] : [98, 205, 97], i == 0 ? 0.31 : 0.004, 0.02)).ToList();

    /// <summary>The report of these models in a pull request's run, with two commits of history of each model's
    /// primary metric (or none).</summary>
    public static EvaluationReport Report(IReadOnlyList<ModelEvaluation> models, bool history = true, IEnumerable<Gate>? gates = null,
        string project = "samples/App/App.csproj")
    {
        var context = ReportFixtures.InActions() with
        {
            Project = project,
            History = history
                ? LockFileHistory.Of(
                [
                    ReportFixtures.Version("c0ffee1", models.Select(m => (m.Name, HistoryEntry(m, 0.8, "fp-1"))).ToArray()),
                    ReportFixtures.Version("3f2a1b9", models.Select(m => (m.Name, HistoryEntry(m, 0.82, "fp-2"))).ToArray()),
                ])
                : null,
        };
        var gateList = (gates ?? []).ToList();
        return EvaluationReport.Create("HEAD (3f2a1b9)", models, GateEvaluator.EvaluateAll(gateList, models, ProjectDirectory + "/App.csproj"),
            ProjectDirectory, ReportFixtures.BaselineSha) with
        { BaselineRef = "HEAD", Context = context };
    }

    public static Gate GateOn(string model, string metric, double? min = null, double? max = null, string? slice = null) => new()
    {
        Model = model,
        Metric = MetricCatalog.Find(metric)!,
        Min = min,
        Max = max,
        Slice = slice,
        Location = new SourceLocation(ProjectDirectory + "/App.csproj", 10, 6),
    };

    private static LockEntry HistoryEntry(ModelEvaluation model, double value, string fingerprint)
    {
        var primary = MetricCatalog.PrimaryMetric(model.Task)!.Name;
        var entry = Entry(model.Task, new Dictionary<string, double> { [primary] = value });
        entry.Json["fingerprint"] = fingerprint;
        return entry;
    }

    private static ModelEvaluation Evaluation(string name, string task, EvaluateResult result, bool baseline, JsonObject? @params)
    {
        var candidate = Entry(task, new Dictionary<string, double>(), modelSize: 20480, trainingSeconds: 3.5,
            @params: @params ?? new JsonObject { ["NumberOfTrees"] = 100 });
        var baselineParams = new JsonObject();
        foreach (var (key, _) in @params ?? new JsonObject { ["NumberOfTrees"] = 100 })
            baselineParams[key] = "before";
        var baselineLock = baseline
            ? Lock((name, Entry(task, new Dictionary<string, double>(), "xxh128:base", 18432, 3.0, @params: baselineParams)))
            : null;
        return ModelEvaluation.Create(name, result, candidate, baselineLock);
    }

    private static BinaryPlots BinaryPlots(IReadOnlyList<string> classes, double shift)
    {
        IReadOnlyList<CurvePoint> roc =
        [
            new(0, 0, null), new(0, 0.05, double.PositiveInfinity), new(0.1 + shift, 0.6, 0.8), new(0.3 + shift, 0.85, 0.5),
            new(0.6, 0.95, 0.2), new(1, 1, 0.01),
        ];
        IReadOnlyList<CurvePoint> pr = [new(0, 1, 0.99), new(0.5, 0.92 - shift, 0.6), new(0.9, 0.7 - shift, 0.2), new(1, 0.5, 0.01)];
        var calibration = Enumerable.Range(0, ModelPlots.CalibrationBins).Select(i => new CalibrationBin(i / 10.0, (i + 1) / 10.0,
            i / 10.0 + 0.05, Math.Clamp(i / 10.0 + 0.05 - shift, 0, 1), 50)).ToList();
        var edges = Enumerable.Range(0, 11).Select(i => i / 10.0).ToList();
        var scores = new ClassHistogram("Probability", classes, edges,
        [
            [60, 50, 40, 30, 20, 10, 8, 6, 4, 2],
            [2, 4, 6, 8, 10, 20, 30, 40, 50, 60],
        ]);
        return new BinaryPlots(roc, pr, calibration, scores);
    }

    private static RegressionPlots RegressionPlots(string column, IReadOnlyList<string> values, double shift)
    {
        var sample = Enumerable.Range(0, 40).Select(i => new PredictedPoint(3 + i, 3 + i + Math.Sin(i) * 2 + shift)).ToList();
        var edges = Enumerable.Range(0, 11).Select(i => -5.0 + i).ToList();
        var residuals = new Histogram1D(edges, [1, 3, 8, 20, 40, 44, 21, 9, 4, 2]);
        var summaries = values.Select((v, i) => new ResidualSummary(v, 700 - 100 * i, -4 - i + shift, -1 + shift, 0.1 + shift, 1.2 + shift,
            4 + i + shift, i == values.Count - 1 ? double.NaN : 0.2 + shift)).ToList();
        return new RegressionPlots(sample, 2000, residuals, [new SliceResiduals(column, summaries)]);
    }

    private static ConfusionMatrix Confusion(IReadOnlyList<string> classes, long errors) => new(classes,
        classes.Select((_, a) => (IReadOnlyList<long>)classes.Select((_, p) => a == p ? 50 - errors * (classes.Count - 1) : errors).ToList()).ToList());

    private static SortedDictionary<string, SortedDictionary<string, double>> PerClass(IReadOnlyList<string> classes, double precision) =>
        new(classes.ToDictionary(c => c, c => new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["Precision"] = precision, ["Recall"] = precision + 0.02, ["F1Score"] = precision + 0.01, ["Support"] = 50,
        }), StringComparer.Ordinal);
}
