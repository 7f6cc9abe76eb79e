using System.Text.Json.Nodes;
using MlBuild.Core.Evaluation;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Evaluation;

public sealed class ModelEvaluationTests
{
    private const string Multiclass = "MulticlassClassification";

    [Fact]
    public void A_paired_run_takes_the_baseline_values_and_significance_from_the_same_rows()
    {
        var candidate = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.87 }, modelSize: 5000, trainingSeconds: 2);
        var baseline = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.95 }, "xxh128:base", 4000, 1);
        var result = Paired(
            Estimates(("MacroAccuracy", 0.871, 0.83, 0.91), ("LogLoss", 0.40, 0.35, 0.45)),
            Estimates(("MacroAccuracy", 0.902, 0.87, 0.93), ("LogLoss", 0.39, 0.34, 0.44)),
            Deltas(("MacroAccuracy", -0.031, -0.05, -0.01), ("LogLoss", 0.01, -0.01, 0.03)),
            Values(("PredictionLatencyP95Ms", 1.92)), Values(("PredictionLatencyP95Ms", 1.42)));

        var evaluation = ModelEvaluation.Create("Iris", result, candidate, Lock(("Iris", baseline)));

        Assert.Equal(BaselineStatus.Paired, evaluation.BaselineStatus);
        var accuracy = evaluation.Find("macroaccuracy")!;
        Assert.Equal(0.871, accuracy.Candidate);
        Assert.Equal(0.902, accuracy.Baseline);
        Assert.Equal(new ValueInterval(0.83, 0.91), accuracy.CandidateInterval);
        Assert.Equal(new ValueInterval(-0.05, -0.01), accuracy.DeltaInterval);
        Assert.Equal(-0.031, accuracy.Delta!.Value, 12);
        Assert.Equal(Significance.Significant, accuracy.Significance);
        Assert.Equal(SignificanceBasis.PairedInterval, accuracy.SignificanceBasis);
        Assert.True(accuracy.IsSignificantRegression);

        var logLoss = evaluation.Find("LogLoss")!;
        Assert.Equal(Significance.NotSignificant, logLoss.Significance);
        Assert.True(logLoss.IsRegression);
        Assert.False(logLoss.IsSignificantRegression);

        var latency = evaluation.Find("PredictionLatencyP95Ms")!;
        Assert.Equal((1.92, 1.42), (latency.Candidate, latency.Baseline));
        Assert.Equal(Significance.Unknown, latency.Significance);

        Assert.Equal((2.0, 1.0), (evaluation.Find("TrainingSeconds")!.Candidate, evaluation.Find("TrainingSeconds")!.Baseline));
        var size = evaluation.Find("ModelSizeBytes")!;
        Assert.Equal((5000.0, 4000.0), (size.Candidate, size.Baseline));
        Assert.Equal((Significance.Significant, SignificanceBasis.Exact), (size.Significance, size.SignificanceBasis));
        Assert.Equal(25.0, size.DeltaPercent!.Value, 9);
    }

    [Fact]
    public void Unpaired_a_value_outside_the_baseline_lock_interval_is_significant_and_inside_is_not()
    {
        var baseline = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.90, ["MicroAccuracy"] = 0.90 }, "xxh128:base",
            intervals: new Dictionary<string, (double, double)> { ["MacroAccuracy"] = (0.88, 0.92), ["MicroAccuracy"] = (0.85, 0.95) });
        var result = Result(Estimates(("MacroAccuracy", 0.85, 0.80, 0.90), ("MicroAccuracy", 0.87, 0.82, 0.92), ("LogLoss", 0.5, 0.4, 0.6)));

        var evaluation = ModelEvaluation.Create("Iris", result, Entry(Multiclass, new Dictionary<string, double>()), Lock(("Iris", baseline)));

        Assert.Equal(BaselineStatus.Unpaired, evaluation.BaselineStatus);
        var macro = evaluation.Find("MacroAccuracy")!;
        Assert.Equal((Significance.Significant, SignificanceBasis.BaselineInterval), (macro.Significance, macro.SignificanceBasis));
        Assert.Equal(new ValueInterval(0.88, 0.92), macro.BaselineInterval);
        Assert.Null(macro.DeltaInterval);
        Assert.Equal(Significance.NotSignificant, evaluation.Find("MicroAccuracy")!.Significance);
        // LogLoss has no baseline value at all.
        Assert.Equal(Significance.NoBaseline, evaluation.Find("LogLoss")!.Significance);
    }

    [Fact]
    public void Without_a_paired_run_or_a_recorded_interval_significance_is_unknown_and_says_why()
    {
        var baseline = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.90 }, "xxh128:base");
        var result = Result(Estimates(("MacroAccuracy", 0.85, 0.80, 0.90)));

        var macro = ModelEvaluation.Create("Iris", result, Entry(Multiclass, new Dictionary<string, double>()), Lock(("Iris", baseline)))
            .Find("MacroAccuracy")!;

        Assert.Equal(Significance.Unknown, macro.Significance);
        Assert.Contains("unknown", macro.SignificanceReason);
        Assert.Contains("no interval", macro.SignificanceReason);
    }

    [Fact]
    public void A_model_missing_from_the_baseline_lock_and_no_baseline_at_all_are_told_apart()
    {
        var candidate = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.9 });

        var newModel = ModelEvaluation.Create("Iris", null, candidate, Lock(("Other", candidate)));
        var noBaseline = ModelEvaluation.Create("Iris", null, candidate, null);

        Assert.Equal(BaselineStatus.NotInBaseline, newModel.BaselineStatus);
        Assert.Equal(BaselineStatus.NoBaseline, noBaseline.BaselineStatus);
        Assert.False(newModel.HasBaseline);
        Assert.All(noBaseline.Metrics, m => Assert.Equal(Significance.NoBaseline, m.Significance));
        Assert.All(noBaseline.Metrics, m => Assert.Null(m.Delta));
    }

    [Fact]
    public void Not_scored_in_this_run_the_candidate_values_are_those_its_lock_entry_recorded()
    {
        var candidate = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.9 }, modelSize: 4322, trainingSeconds: 0.219,
            intervals: new Dictionary<string, (double, double)> { ["MacroAccuracy"] = (0.85, 0.95) });

        var evaluation = ModelEvaluation.Create("Iris", null, candidate, null);

        Assert.Equal(0.9, evaluation.Find("MacroAccuracy")!.Candidate);
        Assert.Equal(new ValueInterval(0.85, 0.95), evaluation.Find("MacroAccuracy")!.CandidateInterval);
        Assert.Equal(4322, evaluation.Find("ModelSizeBytes")!.Candidate);
        Assert.Equal(0.219, evaluation.Find("TrainingSeconds")!.Candidate);
        Assert.Equal(["MacroAccuracy", "ModelSizeBytes", "TrainingSeconds"], evaluation.Metrics.Select(m => m.Name));
    }

    [Fact]
    public void The_same_model_file_as_the_baseline_is_never_a_significant_change_except_in_run_measurements()
    {
        var entry = Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.9 }, "xxh128:same");
        var result = Result(Estimates(("MacroAccuracy", 0.9, 0.85, 0.95)), Values(("PredictionLatencyP50Ms", 1.0)));

        var evaluation = ModelEvaluation.Create("Iris", result, entry, Lock(("Iris", entry)));

        Assert.True(evaluation.SameModelAsBaseline);
        Assert.Equal((Significance.NotSignificant, SignificanceBasis.SameModel),
            (evaluation.Find("MacroAccuracy")!.Significance, evaluation.Find("MacroAccuracy")!.SignificanceBasis));
        Assert.Equal(SignificanceBasis.SameModel, evaluation.Find("ModelSizeBytes")!.SignificanceBasis);
        // Training time is a measurement of a run, not of the file.
        Assert.NotEqual(SignificanceBasis.SameModel, evaluation.Find("TrainingSeconds")!.SignificanceBasis);
    }

    [Fact]
    public void Params_changes_are_flattened_and_list_added_removed_and_changed_values()
    {
        var before = new JsonObject
        {
            ["NumberOfTrees"] = 50, ["LearningRate"] = 0.2, ["Removed"] = "x", ["Same"] = 1,
            ["Inner"] = new JsonObject { ["Depth"] = 3, ["Kept"] = true },
        };
        var after = new JsonObject
        {
            ["NumberOfTrees"] = 100, ["LearningRate"] = 0.2, ["Added"] = new JsonArray(1, 2), ["Same"] = 1.0,
            ["Inner"] = new JsonObject { ["Depth"] = 4, ["Kept"] = true },
        };
        var baseline = Entry(Multiclass, new Dictionary<string, double>(), "xxh128:base", @params: before, trainer: "FastTree");
        var candidate = Entry(Multiclass, new Dictionary<string, double>(), @params: after, trainer: "LightGbm");

        var evaluation = ModelEvaluation.Create("Iris", null, candidate, Lock(("Iris", baseline)));

        Assert.Equal(
            [new ParamChange("Added", null, "[1,2]"), new ParamChange("Inner.Depth", "3", "4"),
             new ParamChange("NumberOfTrees", "50", "100"), new ParamChange("Removed", "x", null)],
            evaluation.ParamChanges);
        Assert.Equal(new ParamChange("Trainer", "FastTree", "LightGbm"), evaluation.TrainerChange);
    }

    [Fact]
    public void Data_file_changes_are_found_by_content_hash_and_path()
    {
        var baseline = Entry(Multiclass, new Dictionary<string, double>(), "xxh128:base", inputs:
            [("train", "data/train.csv", 100, "xxh128:t1"), ("test", "data/test.csv", 50, "xxh128:s1"), ("params", "p.json", 10, "xxh128:p1")]);
        var candidate = Entry(Multiclass, new Dictionary<string, double>(), inputs:
            [("train", "data/train.csv", 120, "xxh128:t2"), ("test", "data/test-v2.csv", 60, "xxh128:s2"), ("params", "p.json", 10, "xxh128:p1")]);

        var changes = ModelEvaluation.Create("Iris", null, candidate, Lock(("Iris", baseline))).DataChanges;

        Assert.Equal(
            [
                new DataFileChange("data/train.csv", "train", DataChangeKind.Changed, 100, 120, "xxh128:t1", "xxh128:t2"),
                new DataFileChange("data/test-v2.csv", "test", DataChangeKind.Added, null, 60, null, "xxh128:s2"),
                new DataFileChange("data/test.csv", "test", DataChangeKind.Removed, 50, null, "xxh128:s1", null),
            ],
            changes);
    }

    [Fact]
    public void An_old_or_odd_baseline_entry_is_read_leniently()
    {
        var odd = new MlBuild.Core.LockFiles.LockEntry(new JsonObject
        {
            ["task"] = Multiclass,
            ["metrics"] = new JsonObject { ["MacroAccuracy"] = "not a number", ["MicroAccuracy"] = 0.8 },
            ["intervals"] = new JsonObject { ["MicroAccuracy"] = new JsonObject { ["low"] = 0.7 } },
            ["inputs"] = new JsonArray(new JsonObject { ["role"] = "train" }, 42),
            ["model"] = "garbage",
        });
        var candidate = Entry(Multiclass, new Dictionary<string, double> { ["MicroAccuracy"] = 0.9 });

        var evaluation = ModelEvaluation.Create("Iris", null, candidate, Lock(("Iris", odd)));

        Assert.Equal(0.8, evaluation.Find("MicroAccuracy")!.Baseline);
        Assert.Equal(Significance.Unknown, evaluation.Find("MicroAccuracy")!.Significance);
        Assert.Null(evaluation.Find("ModelSizeBytes")!.Baseline);
        Assert.Single(evaluation.DataChanges);
    }
}
