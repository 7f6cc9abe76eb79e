using MlBuild.Protocol;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Tests.Support;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Gates;

public sealed class GateEvaluatorTests
{
    private const string Multiclass = "MulticlassClassification";
    private static readonly SourceLocation At = new("p.csproj", 7, 5);

    private static Gate Gate(string metric, double? min = null, double? max = null, double? maxDecrease = null,
        double? maxIncrease = null, double? maxDecreasePercent = null, double? maxIncreasePercent = null,
        bool onlyWhenSignificant = false, string? slice = null) => new()
        {
            Model = "Iris", Metric = MetricCatalog.Find(metric)!, Min = min, Max = max, MaxDecrease = maxDecrease,
            MaxIncrease = maxIncrease, MaxDecreasePercent = maxDecreasePercent, MaxIncreasePercent = maxIncreasePercent,
            OnlyWhenSignificant = onlyWhenSignificant, Slice = slice, Location = At,
        };

    /// <summary>Iris, paired: MacroAccuracy 0.902 → 0.871 (significant), LogLoss 0.40 → 0.41 (not significant),
    /// latency 1.42 → 1.92 ms.</summary>
    private static ModelEvaluation PairedIris(IReadOnlyList<SliceResult>? slices = null)
    {
        var result = Paired(
            Estimates(("MacroAccuracy", 0.871, 0.83, 0.91), ("LogLoss", 0.41, 0.35, 0.45)),
            Estimates(("MacroAccuracy", 0.902, 0.87, 0.93), ("LogLoss", 0.40, 0.34, 0.44)),
            Deltas(("MacroAccuracy", -0.031, -0.05, -0.01), ("LogLoss", 0.01, -0.01, 0.03)),
            Values(("PredictionLatencyP95Ms", 1.92)), Values(("PredictionLatencyP95Ms", 1.42))) with
        { Slices = slices ?? [] };
        var baseline = Entry(Multiclass, new Dictionary<string, double>(), "xxh128:base");
        return ModelEvaluation.Create("Iris", result, Entry(Multiclass, new Dictionary<string, double>()), Lock(("Iris", baseline)));
    }

    private static ModelEvaluation WithoutBaseline() => ModelEvaluation.Create("Iris",
        Result(Estimates(("MacroAccuracy", 0.871, 0.83, 0.91))), Entry(Multiclass, new Dictionary<string, double>()), null);

    /// <summary>Unpaired, without a recorded interval: significance unknown.</summary>
    private static ModelEvaluation UnpairedIris() => ModelEvaluation.Create("Iris",
        Result(Estimates(("MacroAccuracy", 0.871, 0.83, 0.91))), Entry(Multiclass, new Dictionary<string, double>()),
        Lock(("Iris", Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.902 }, "xxh128:base"))));

    [Fact]
    public void A_value_below_the_minimum_fails_with_the_numbers()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.9), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("MLB5016", outcome.Code);
        Assert.Equal("Iris: MacroAccuracy 0.8710 is below the minimum 0.9000", outcome.Message);
        Assert.Equal(At, outcome.Location);
        Assert.Equal((0.871, 0.902), (outcome.Value, outcome.Baseline));
    }

    [Fact]
    public void A_decrease_beyond_the_allowed_amount_fails_with_the_numbers()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.01), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020; allowed 0.0100", outcome.Message);
    }

    [Fact]
    public void A_decrease_within_the_allowed_amount_passes()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.05), PairedIris());

        Assert.Equal(GateStatus.Passed, outcome.Status);
        Assert.Null(outcome.Code);
        Assert.Equal("Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020; allowed 0.0500", outcome.Message);
    }

    [Fact]
    public void A_relative_increase_of_a_lower_is_better_metric_fails_in_percent()
    {
        var outcome = GateEvaluator.Evaluate(Gate("PredictionLatencyP95Ms", maxIncreasePercent: 20), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Iris: PredictionLatencyP95Ms 1.92 ms rose by 35.2 % from 1.42 ms; allowed 20 %", outcome.Message);
    }

    [Fact]
    public void Regression_follows_the_metric_direction_so_an_improvement_never_breaks_an_allowance()
    {
        var improved = ModelEvaluation.Create("Iris",
            Paired(Estimates(("MacroAccuracy", 0.95, 0.9, 1), ("LogLoss", 0.2, 0.1, 0.3)),
                Estimates(("MacroAccuracy", 0.90, 0.85, 0.95), ("LogLoss", 0.4, 0.3, 0.5)),
                Deltas(("MacroAccuracy", 0.05, 0.01, 0.09), ("LogLoss", -0.2, -0.3, -0.1))),
            Entry(Multiclass, new Dictionary<string, double>()),
            Lock(("Iris", Entry(Multiclass, new Dictionary<string, double>(), "xxh128:base"))));

        var accuracy = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0, maxDecreasePercent: 0), improved);
        var logLoss = GateEvaluator.Evaluate(Gate("LogLoss", maxIncrease: 0), improved);

        Assert.Equal(GateStatus.Passed, accuracy.Status);
        Assert.Equal("Iris: MacroAccuracy 0.9500 rose by 0.0500 (5.6 %) from 0.9000", accuracy.Message);
        Assert.Equal(GateStatus.Passed, logLoss.Status);
        Assert.Equal("Iris: LogLoss 0.2000 fell by 0.2000 from 0.4000", logLoss.Message);
    }

    [Fact]
    public void A_lower_is_better_metric_rising_beyond_its_allowance_fails()
    {
        var outcome = GateEvaluator.Evaluate(Gate("LogLoss", maxIncrease: 0.005), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Iris: LogLoss 0.4100 rose by 0.0100 from 0.4000; allowed 0.0050", outcome.Message);
    }

    [Fact]
    public void A_change_equal_to_the_allowance_passes_despite_floating_point_noise()
    {
        // 0.90 - 0.89 is 0.010000000000000009 in doubles.
        var evaluation = ModelEvaluation.Create("Iris", Result(Estimates(("MacroAccuracy", 0.89, 0.85, 0.93))),
            Entry(Multiclass, new Dictionary<string, double>()),
            Lock(("Iris", Entry(Multiclass, new Dictionary<string, double> { ["MacroAccuracy"] = 0.90 }, "xxh128:base"))));

        Assert.Equal(GateStatus.Passed, GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.01), evaluation).Status);
        Assert.Equal(GateStatus.Failed, GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.0099), evaluation).Status);
        Assert.Equal(GateStatus.Passed, GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.89), evaluation).Status);
    }

    [Fact]
    public void Absolute_thresholds_apply_without_a_baseline()
    {
        var failed = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.9), WithoutBaseline());
        var passed = GateEvaluator.Evaluate(Gate("MacroAccuracy", max: 0.95), WithoutBaseline());

        Assert.Equal(GateStatus.Failed, failed.Status);
        Assert.Equal(GateStatus.Passed, passed.Status);
        Assert.Equal("Iris: MacroAccuracy 0.8710 is within the maximum 0.9500", passed.Message);
    }

    [Fact]
    public void A_relative_gate_without_a_baseline_is_not_evaluated_and_says_so()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.01), WithoutBaseline());

        Assert.Equal(GateStatus.NotEvaluated, outcome.Status);
        Assert.Null(outcome.Code);
        Assert.Equal("Iris: MacroAccuracy 0.8710; MaxDecrease not evaluated: no baseline", outcome.Message);
    }

    [Fact]
    public void A_new_model_says_it_is_not_in_the_baseline()
    {
        var evaluation = ModelEvaluation.Create("Iris", Result(Estimates(("MacroAccuracy", 0.871, 0.83, 0.91))),
            Entry(Multiclass, new Dictionary<string, double>()), Lock(("Other", Entry(Multiclass, new Dictionary<string, double>()))));

        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.01), evaluation);

        Assert.Equal(GateStatus.NotEvaluated, outcome.Status);
        Assert.EndsWith("no baseline (Iris is not in the baseline lock file)", outcome.Message);
    }

    [Fact]
    public void A_gate_with_both_kinds_checks_the_absolute_part_without_a_baseline()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.8, maxDecrease: 0.01), WithoutBaseline());

        Assert.Equal(GateStatus.Passed, outcome.Status);
        Assert.Equal("Iris: MacroAccuracy 0.8710 meets the minimum 0.8000; MaxDecrease not evaluated: no baseline", outcome.Message);
    }

    [Fact]
    public void Every_broken_threshold_is_in_the_message()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.9, maxDecrease: 0.01, maxDecreasePercent: 1), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Iris: MacroAccuracy 0.8710 is below the minimum 0.9000, and fell by 0.0310 (3.4 %) from 0.9020; allowed 0.0100 and 1 %",
            outcome.Message);
    }

    [Fact]
    public void Only_when_significant_a_change_within_the_noise_passes()
    {
        var outcome = GateEvaluator.Evaluate(Gate("LogLoss", maxIncrease: 0.005, onlyWhenSignificant: true), PairedIris());

        Assert.Equal(GateStatus.Passed, outcome.Status);
        Assert.Equal("Iris: LogLoss 0.4100 rose by 0.0100 from 0.4000; allowed 0.0050, but the change is not significant " +
                     "(the paired 95% interval of the change includes 0)", outcome.Message);
    }

    [Fact]
    public void Only_when_significant_a_significant_change_still_fails()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.01, onlyWhenSignificant: true), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
    }

    [Fact]
    public void Only_when_significant_an_unknown_significance_is_treated_as_significant_and_said()
    {
        var outcome = GateEvaluator.Evaluate(Gate("MacroAccuracy", maxDecrease: 0.01, onlyWhenSignificant: true), UnpairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020; allowed 0.0100 (significance unknown: treated as significant)",
            outcome.Message);
    }

    [Fact]
    public void A_metric_the_model_has_no_value_of_fails_the_gate()
    {
        var outcome = GateEvaluator.Evaluate(Gate("TopKAccuracy", min: 0.5), PairedIris());

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.StartsWith("Iris: TopKAccuracy has no value for this model", outcome.Message);
    }

    [Fact]
    public void A_slice_gate_judges_the_worst_slice_by_its_own_metric_ignoring_tiny_slices()
    {
        var slices = new SliceResult
        {
            Column = "Color",
            Worst = "blue",
            Values =
            [
                new SliceValue { Value = "red", Rows = 10, Metrics = Estimates(("MacroAccuracy", 0.70, 0.6, 0.8), ("LogLoss", 0.2, 0.1, 0.3)) },
                new SliceValue { Value = "blue", Rows = 12, Metrics = Estimates(("MacroAccuracy", 0.80, 0.7, 0.9), ("LogLoss", 0.9, 0.8, 1.0)) },
                new SliceValue { Value = "tiny", Rows = 2, Metrics = Estimates(("MacroAccuracy", 0.0, 0, 0), ("LogLoss", 9, 9, 9)) },
            ],
        };
        var evaluation = PairedIris([slices]);

        var accuracy = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.75, slice: "Color"), evaluation);
        var logLoss = GateEvaluator.Evaluate(Gate("LogLoss", max: 1, slice: "Color"), evaluation);

        Assert.Equal(GateStatus.Failed, accuracy.Status);
        Assert.Equal("red", accuracy.SliceValue);
        Assert.Equal("Iris: MacroAccuracy 0.7000 on the worst Color slice 'red' (10 rows) is below the minimum 0.7500", accuracy.Message);
        Assert.Equal(GateStatus.Passed, logLoss.Status);
        Assert.Equal("blue", logLoss.SliceValue);
        Assert.Equal(0.9, logLoss.Value);
    }

    [Fact]
    public void A_slice_gate_whose_slices_are_all_tiny_is_not_evaluated_and_one_without_slices_fails()
    {
        var tiny = new SliceResult
        {
            Column = "Color",
            Values = [new SliceValue { Value = "red", Rows = 4, Metrics = Estimates(("MacroAccuracy", 0.1, 0, 0.2)) }],
        };

        var notEvaluated = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.75, slice: "Color"), PairedIris([tiny]));
        var failed = GateEvaluator.Evaluate(Gate("MacroAccuracy", min: 0.75, slice: "Color"), PairedIris());

        Assert.Equal(GateStatus.NotEvaluated, notEvaluated.Status);
        Assert.Contains("no Color slice has 5 rows or more", notEvaluated.Message);
        Assert.Equal(GateStatus.Failed, failed.Status);
        Assert.Contains("the Color slices were not scored", failed.Message);
    }

    [Fact]
    public void An_ungated_model_whose_primary_metric_regressed_significantly_gets_a_warning_at_its_MlModel()
    {
        using var project = new TestDirectory();
        var projectFile = project.Write("p.csproj", "<Project>\n  <ItemGroup>\n    <MlModel Include=\"Iris\" />\n  </ItemGroup>\n</Project>\n");

        var outcomes = GateEvaluator.EvaluateAll([], [PairedIris()], projectFile);

        var warning = Assert.Single(outcomes);
        Assert.Equal(GateStatus.Warning, warning.Status);
        Assert.Equal("MLB5017", warning.Code);
        Assert.Equal((projectFile, 3), (warning.Location.File, warning.Location.Line));
        Assert.Null(warning.Gate);
        Assert.StartsWith("Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020, a significant regression", warning.Message);
        Assert.Contains("<MlGate Include=\"Iris\" Metric=\"MacroAccuracy\" MaxDecrease=", warning.Message);
    }

    [Fact]
    public void No_warning_for_a_gated_model_or_a_regression_that_is_not_significant()
    {
        var gated = GateEvaluator.EvaluateAll([Gate("LogLoss", max: 1)], [PairedIris()], "p.csproj");
        var notSignificant = GateEvaluator.EvaluateAll([], [UnpairedIris()], "p.csproj");
        var noBaseline = GateEvaluator.EvaluateAll([], [WithoutBaseline()], "p.csproj");

        Assert.Equal(GateStatus.Passed, Assert.Single(gated).Status);
        Assert.Empty(notSignificant);
        Assert.Empty(noBaseline);
    }

    [Fact]
    public void A_gate_on_a_model_without_an_evaluation_is_not_evaluated()
    {
        var outcome = Assert.Single(GateEvaluator.EvaluateAll([Gate("MacroAccuracy", min: 0.9)], [], "p.csproj"));

        Assert.Equal(GateStatus.NotEvaluated, outcome.Status);
        Assert.Contains("no evaluation in this run", outcome.Message);
    }
}
