using System.Text.Json;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Evaluation;
using MlBuild.Worker.Evaluation.Metrics;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Evaluation;

/// <summary>The evaluate command in-process, on models trained once from the real datasets.</summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class EvaluationJobTests(TrainedModels models) : IDisposable
{
    private readonly TestDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private EvaluateRequest Request((TrainRequest Request, TrainResult Result) model, string? baseline = null) => new()
    {
        Data = model.Request,
        ModelPath = model.Request.ModelOutputPath,
        BaselineModelPath = baseline,
        ResultOutputPath = _temp.File(Path.Combine("eval", model.Request.ModelName + ".evaluation.json")),
    };

    private SliceRequest Slice(string column, int maxValues = 10) => new()
    {
        Column = column,
        MaxValues = maxValues,
        ProjectFile = _temp.File("Model.csproj"),
        ItemLine = 20,
    };

    private ExpectationRequest Expectations(string name, string lines) => new()
    {
        File = _temp.Write(name, lines),
        ProjectFile = _temp.File("Model.csproj"),
        ItemLine = 30,
    };

    private const string Setosa = """{"Sepal length": 5.1, "Sepal width": 3.5, "Petal length": 1.4, "Petal width": 0.2}""";

    [Fact]
    public void Iris_has_every_multiclass_metric_with_intervals_per_class_metrics_a_slice_and_expectations()
    {
        var request = Request(models.Iris) with
        {
            Slices = [Slice("petal WIDTH", maxValues: 3)],
            Expectations = [Expectations("iris.jsonl", $$"""
                {"input": {{Setosa}}, "expect": 0}

                {"input": {{Setosa}}, "expect": "2", "note": "wrong on purpose"}
                {"input": {"Sepal length": 6.9, "Sepal width": 3.1, "Petal length": 5.6, "Petal width": 2.3}, "expect": 2.0}
                """)],
        };

        var (result, output) = InProcess.Evaluate(request);

        Assert.Equal(30, result.TestRows);
        Assert.Equal(["LogLoss", "LogLossReduction", "MacroAccuracy", "MicroAccuracy", "TopKAccuracy"], result.Metrics.Keys);
        AssertSameAsMlNet(MlNetModelReference.Evaluate(models.Iris.Request, request.ModelPath), result.Metrics);
        Assert.All(result.Metrics.Values, m => Assert.True(m.Low <= m.Value && m.Value <= m.High, $"{m}"));
        Assert.Equal(["0", "1", "2"], result.Confusion!.Classes);
        Assert.Equal(30, result.Confusion.Counts.Sum(row => row.Sum()));
        Assert.Equal(["0", "1", "2"], result.PerClass!.Keys);
        Assert.All(result.PerClass.Values, c => Assert.Equal(["F1Score", "Precision", "Recall", "Support"], c.Keys));
        Assert.Equal(30, result.PerClass.Values.Sum(c => c["Support"]));
        Assert.Null(result.BaselineMetrics);
        Assert.Null(result.Deltas);

        var slice = Assert.Single(result.Slices);
        Assert.Equal("Petal width", slice.Column);
        Assert.Equal(4, slice.Values.Count);
        Assert.Equal("(other)", slice.Values[^1].Value);
        Assert.Equal(30, slice.Values.Sum(v => v.Rows));
        Assert.True(slice.Values[0].Rows >= slice.Values[1].Rows && slice.Values[1].Rows >= slice.Values[2].Rows);
        Assert.All(slice.Values, v => Assert.Contains(MetricNames.MacroAccuracy, v.Metrics.Keys));

        Assert.Equal(3, result.ExpectationsChecked);
        var failure = Assert.Single(result.FailedExpectations);
        Assert.Equal((request.Expectations[0].File, 3, "2", "0"), (failure.File, failure.Line, failure.Expected, failure.Actual));
        Assert.Contains("mlbuild-progress: Iris: expectations: 2 of 3 passed", output);

        AssertMeta(result.Meta);
        Assert.True(result.Meta[MetaMetrics.PeakMemoryBytes] > 10_000_000);
        var written = JsonSerializer.Deserialize<EvaluateResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;
        Assert.Equal(result.Metrics, written.Metrics);
        Assert.Equal(result.FailedExpectations, written.FailedExpectations);
    }

    [Fact]
    public void A_worse_baseline_on_the_same_taxi_rows_is_a_significant_paired_difference()
    {
        var (improvement, _) = InProcess.Evaluate(Request(models.Taxi, baseline: models.SmallTaxi.Request.ModelOutputPath));
        var (regression, _) = InProcess.Evaluate(Request(models.SmallTaxi, baseline: models.Taxi.Request.ModelOutputPath));

        Assert.Equal(["MeanAbsoluteError", "MeanSquaredError", "RSquared", "RootMeanSquaredError"], improvement.Metrics.Keys);
        AssertSameAsMlNet(MlNetModelReference.Evaluate(models.Taxi.Request, models.Taxi.Request.ModelOutputPath), improvement.Metrics);
        Assert.Equal(improvement.Metrics.Keys, improvement.Deltas!.Keys);
        Assert.Equal(improvement.Metrics, regression.BaselineMetrics);
        var better = improvement.Deltas["RSquared"];
        var worse = regression.Deltas!["RSquared"];
        Assert.True(better is { Significant: true, Low: > 0 }, $"{better}");
        Assert.True(worse is { Significant: true, High: < 0 }, $"{worse}");
        Assert.Equal(-better.Delta, worse.Delta, 1e-12);
        Assert.Equal(improvement.Metrics["RSquared"].Value - improvement.BaselineMetrics!["RSquared"].Value, better.Delta, 1e-12);
        AssertMeta(improvement.Meta);
        AssertMeta(improvement.BaselineMeta!);
        Assert.DoesNotContain(MetaMetrics.PeakMemoryBytes, improvement.BaselineMeta!.Keys);
    }

    [Fact]
    public void Heart_binary_metrics_equal_ml_net_with_a_2x2_confusion_matrix_a_worst_slice_and_expectations()
    {
        var request = Request(models.Heart) with
        {
            Slices = [Slice("Sex"), Slice("Label")],
            Expectations = [Expectations("heart.jsonl", """
                {"input": {"Age": 67, "Sex": 1, "Cp": 4, "TrestBps": 160, "Chol": 286, "Fbs": 0, "RestEcg": 2, "Thalac": 108, "Exang": 1, "OldPeak": 1.5, "Slope": 2, "Ca": 3, "Thal": 3}, "expect": 1}
                {"input": {"Age": 41, "Sex": 0, "Cp": 2, "TrestBps": 130, "Chol": 204, "Fbs": 0, "RestEcg": 2, "Thalac": 172, "Exang": 0, "OldPeak": 1.4, "Slope": 1, "Ca": 0, "Thal": 3}, "expect": "1"}
                """)],
        };

        var (result, _) = InProcess.Evaluate(request);

        AssertSameAsMlNet(MlNetModelReference.Evaluate(models.Heart.Request, request.ModelPath), result.Metrics);
        Assert.Equal(["0", "1"], result.Confusion!.Classes);
        Assert.Equal(2, result.Confusion.Counts.Count);
        Assert.Equal(20, result.Confusion.Counts.Sum(row => row.Sum()));
        Assert.Null(result.PerClass);

        var sex = result.Slices[0];
        Assert.Equal(["0", "1"], sex.Values.Select(v => v.Value).Order());
        Assert.Contains(sex.Worst, sex.Values.Where(v => v.Rows >= 5).Select(v => v.Value));
        // A slice of the label holds one class: no AUC, so Accuracy decides the worst.
        var label = result.Slices[1];
        Assert.All(label.Values, v => Assert.DoesNotContain(MetricNames.AreaUnderRocCurve, v.Metrics.Keys));
        var worst = label.Values.Where(v => v.Rows >= 5).MinBy(v => v.Metrics[MetricNames.Accuracy].Value)!;
        Assert.Equal(worst.Value, label.Worst);

        Assert.Equal(2, result.ExpectationsChecked);
        var failure = Assert.Single(result.FailedExpectations);
        Assert.Equal((2, "1", "0"), (failure.Line, failure.Expected, failure.Actual));
    }

    [Fact]
    public void Without_test_data_the_evaluation_scores_the_same_split_as_training()
    {
        var (result, _) = InProcess.Evaluate(Request(models.IrisSplit));

        Assert.Equal(models.IrisSplit.Result.TestRows, result.TestRows);
        foreach (var (name, value) in models.IrisSplit.Result.Metrics)
            MetricAssert.Close(value, result.Metrics[name].Value, name);
    }

    [Fact]
    public void Training_records_the_same_intervals_the_evaluation_computes()
    {
        var (result, _) = InProcess.Evaluate(Request(models.Taxi));
        var training = models.Taxi.Result;

        Assert.Equal(training.Metrics.Keys, training.Intervals!.Keys);
        foreach (var (name, interval) in training.Intervals)
        {
            Assert.Equal(training.Metrics[name], interval.Value);
            Assert.Equal(result.Metrics[name].Low, interval.Low, 1e-9);
            Assert.Equal(result.Metrics[name].High, interval.High, 1e-9);
        }
    }

    [Fact]
    public void MLB5003_a_slice_column_the_data_does_not_have()
    {
        var request = Request(models.Iris) with { Slices = [Slice("Petal width"), Slice("Colour")] };

        var error = Assert.Single(InProcess.EvaluationFails(request));

        Assert.Equal((MlbCodes.UnknownSliceColumn, new Location(_temp.File("Model.csproj"), 20)), (error.Code, error.At));
        Assert.Contains("'Colour'", error.Message);
        Assert.Contains("Label, Sepal length, Sepal width, Petal length, Petal width", error.Message);
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Theory]
    [InlineData("""{"input": {"Petal width": 0.2}, "expect": 0""", "not JSON")]
    [InlineData("""{"input": {"Petal colour": "blue"}, "expect": 0}""", "'Petal colour', which is not a column")]
    [InlineData("""{"input": {"Petal width": 0.2}, "expect": {"min": 0, "max": 1}}""", "range, but the model is a classifier")]
    [InlineData("""{"input": {"Petal width": "wide"}, "expect": 0}""", "does not suit its numeric column")]
    [InlineData("""{"expect": 0}""", "an \"input\" object")]
    public void MLB5004_a_line_that_is_not_an_expectation(string line, string expected)
    {
        var request = Request(models.Iris) with { Expectations = [Expectations("bad.jsonl", $"{{\"input\": {Setosa}, \"expect\": 0}}\n\n{line}\n")] };

        var error = Assert.Single(InProcess.EvaluationFails(request));

        Assert.Equal((MlbCodes.InvalidExpectation, new Location(request.Expectations[0].File, 3)), (error.Code, error.At));
        Assert.Contains(expected, error.Message);
        Assert.False(File.Exists(request.ResultOutputPath));
    }

    [Fact]
    public void Regression_expectations_are_ranges()
    {
        var trip = """{"vendor_id": "VTS", "rate_code": 1, "passenger_count": 1, "trip_time_in_secs": 1140, "trip_distance": 3.75, "payment_type": "CRD"}""";
        var request = Request(models.Taxi) with
        {
            Expectations = [Expectations("taxi.jsonl", $$$"""
                {"input": {{{trip}}}, "expect": {"min": 10, "max": 25}}
                {"input": {{{trip}}}, "expect": {"max": 5}}
                """)],
        };
        var classRequest = Request(models.Taxi) with { Expectations = [Expectations("class.jsonl", $$"""{"input": {{trip}}, "expect": 12}""")] };

        var (result, _) = InProcess.Evaluate(request);
        var error = Assert.Single(InProcess.EvaluationFails(classRequest));

        var failure = Assert.Single(result.FailedExpectations);
        Assert.Equal((2, "<= 5"), (failure.Line, failure.Expected));
        Assert.InRange(double.Parse(failure.Actual, System.Globalization.CultureInfo.InvariantCulture), 10, 25);
        Assert.Equal(MlbCodes.InvalidExpectation, error.Code);
        Assert.Contains("a regression's expectation is a range", error.Message);
    }

    [Fact]
    public void A_binary_evaluation_has_roc_from_0_0_to_1_1_and_with_a_baseline_its_plots_confusion_and_slice_metrics()
    {
        // The model as its own baseline: every baseline part is there, and equals the candidate's.
        var request = Request(models.Heart, baseline: models.Heart.Request.ModelOutputPath) with { Slices = [Slice("Sex")] };

        var (result, _) = InProcess.Evaluate(request);

        var binary = result.Plots!.Binary!;
        Assert.Null(result.Plots.Regression);
        Assert.Equal(new CurvePoint(0, 0, null), binary.Roc[0]);
        Assert.Equal((1.0, 1.0), (binary.Roc[^1].X, binary.Roc[^1].Y));
        Assert.Equal(1.0, binary.PrecisionRecall[^1].X);
        Assert.InRange(binary.Roc.Count, 2, ModelPlots.MaxCurvePoints);
        var area = binary.Roc.Zip(binary.Roc.Skip(1), (a, b) => (b.X - a.X) * (a.Y + b.Y) / 2).Sum();
        Assert.Equal(result.Metrics[MetricNames.AreaUnderRocCurve].Value, area, 1e-9);
        Assert.Equal(20, binary.Calibration!.Sum(b => b.Rows));
        Assert.Equal(result.Confusion!.Classes, binary.Scores.Classes);
        Assert.Equal(result.Confusion.Counts.Select(row => row.Sum()), binary.Scores.Counts.Select(c => c.Sum()));

        var baseline = result.BaselinePlots!.Binary!;
        Assert.Equal(binary.Roc, baseline.Roc);
        Assert.Equal(binary.PrecisionRecall, baseline.PrecisionRecall);
        Assert.Equal(binary.Calibration, baseline.Calibration);
        Assert.Equal(binary.Scores.Counts, baseline.Scores.Counts);
        Assert.Equal(result.Confusion.Classes, result.BaselineConfusion!.Classes);
        Assert.Equal(result.Confusion.Counts, result.BaselineConfusion.Counts);
        Assert.Null(result.BaselinePerClass);
        var slice = Assert.Single(result.Slices);
        Assert.All(slice.Values, v => Assert.Equal(v.Metrics, v.BaselineMetrics));

        var written = JsonSerializer.Deserialize<EvaluateResult>(File.ReadAllText(request.ResultOutputPath), WorkerJson.Options)!;
        Assert.Equal(binary.Roc, written.Plots!.Binary!.Roc);
        Assert.Equal(baseline.PrecisionRecall, written.BaselinePlots!.Binary!.PrecisionRecall);
    }

    [Fact]
    public void A_regression_evaluation_with_a_baseline_samples_the_same_rows_and_counts_residuals_in_the_candidate_s_bins()
    {
        var request = Request(models.Taxi, baseline: models.SmallTaxi.Request.ModelOutputPath) with { Slices = [Slice("payment_type")] };

        var (result, _) = InProcess.Evaluate(request);

        var (mine, theirs) = (result.Plots!.Regression!, result.BaselinePlots!.Regression!);
        Assert.Null(result.Plots.Binary);
        Assert.Null(result.BaselineConfusion);
        Assert.Equal(result.TestRows, mine.SampledFrom);
        Assert.Equal(result.TestRows, mine.Sample.Count);
        Assert.Equal(mine.Sample.Select(p => p.Actual), theirs.Sample.Select(p => p.Actual));
        Assert.Equal(result.Metrics[MetricNames.MeanAbsoluteError].Value, mine.Sample.Average(p => Math.Abs(p.Predicted - p.Actual)), 1e-4);
        Assert.Equal(result.BaselineMetrics![MetricNames.MeanAbsoluteError].Value, theirs.Sample.Average(p => Math.Abs(p.Predicted - p.Actual)), 1e-4);
        Assert.Equal(mine.Residuals.Edges, theirs.Residuals.Edges);
        Assert.Equal(result.TestRows, mine.Residuals.Counts.Sum());
        Assert.Equal(result.TestRows, theirs.Residuals.Counts.Sum());
        var slice = Assert.Single(result.Slices);
        Assert.Equal(slice.Values.Select(v => (v.Value, v.Rows)), mine.BySlice.Single().Values.Select(v => (v.Value, v.Rows)));
        Assert.Equal("payment_type", mine.BySlice.Single().Column);
        Assert.All(slice.Values, v => Assert.NotNull(v.BaselineMetrics));
    }

    private static void AssertSameAsMlNet(IReadOnlyDictionary<string, double> mlNet, IReadOnlyDictionary<string, MetricEstimate> metrics)
    {
        Assert.Equal(mlNet.Keys.Order(StringComparer.Ordinal), metrics.Keys);
        foreach (var (name, value) in mlNet)
            MetricAssert.Close(value, metrics[name].Value, name);
    }

    private static void AssertMeta(IReadOnlyDictionary<string, double> meta)
    {
        Assert.True(meta[MetaMetrics.PredictionLatencyP50Ms] > 0, $"p50 {meta[MetaMetrics.PredictionLatencyP50Ms]}");
        Assert.True(meta[MetaMetrics.PredictionLatencyP95Ms] >= meta[MetaMetrics.PredictionLatencyP50Ms]);
        Assert.True(meta[MetaMetrics.ThroughputRowsPerSecond] > 0);
    }
}
