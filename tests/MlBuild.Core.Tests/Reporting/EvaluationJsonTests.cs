using System.Text.Json.Nodes;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

public sealed class EvaluationJsonTests
{
    private readonly string _text = EvaluationJson.Serialize(ReportFixtures.Report());
    private JsonNode Json => JsonNode.Parse(_text)!;
    private JsonNode Iris => Json["models"]!["Iris"]!;

    [Fact]
    public void It_is_stable_json_sorted_one_value_per_line_with_a_final_newline()
    {
        Assert.EndsWith("}\n", _text);
        Assert.DoesNotContain("\r", _text);
        Assert.Equal(_text, EvaluationJson.Serialize(ReportFixtures.Report()));
        Assert.True(_text.IndexOf("\"baseline\"", StringComparison.Ordinal) < _text.IndexOf("\"models\"", StringComparison.Ordinal));
        Assert.True(_text.IndexOf("\"Heart|Disease\"", StringComparison.Ordinal) < _text.IndexOf("\"Iris\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_top_level_says_whether_it_passed_and_what_the_baseline_was()
    {
        Assert.Equal(1, (int)Json["version"]!);
        Assert.False((bool)Json["passed"]!);
        Assert.Equal("HEAD (3f2a1b9)", (string)Json["baseline"]!["description"]!);
        Assert.Equal("3f2a1b9", (string)Json["baseline"]!["commit"]!);
    }

    [Fact]
    public void A_metric_carries_values_intervals_delta_and_significance()
    {
        var accuracy = Iris["metrics"]!["MacroAccuracy"]!;

        Assert.Equal(0.871, (double)accuracy["value"]!);
        Assert.Equal(0.83, (double)accuracy["interval"]!["low"]!);
        Assert.Equal(0.902, (double)accuracy["baseline"]!);
        Assert.Equal(0.87, (double)accuracy["baselineInterval"]!["low"]!);
        Assert.Equal(-0.031, (double)accuracy["delta"]!, 12);
        Assert.Equal(-0.01, (double)accuracy["deltaInterval"]!["high"]!);
        Assert.Equal("significant", (string)accuracy["significance"]!);
        Assert.Equal("higher-is-better", (string)accuracy["direction"]!);
        Assert.True((bool)accuracy["rate"]!);
        Assert.Equal("paired", (string)Iris["baseline"]!["status"]!);
        Assert.Equal(30, (int)Iris["testRows"]!);
    }

    [Fact]
    public void Meta_metrics_are_kept_apart_from_test_set_metrics()
    {
        Assert.Equal(1.92, (double)Iris["meta"]!["PredictionLatencyP95Ms"]!["value"]!);
        Assert.Equal(5120, (double)Iris["meta"]!["ModelSizeBytes"]!["value"]!);
        Assert.Equal(2.0, (double)Iris["meta"]!["TrainingSeconds"]!["baseline"]!);
        Assert.Null(Iris["metrics"]!["ModelSizeBytes"]);
    }

    [Fact]
    public void Gates_carry_their_thresholds_outcome_message_and_location()
    {
        var gates = Iris["gates"]!.AsArray();
        var failed = gates.Single(g => (string)g!["status"]! == "failed")!;

        Assert.Equal(2, gates.Count);
        Assert.Equal("MacroAccuracy", (string)failed["metric"]!);
        Assert.Equal("MLB5016", (string)failed["code"]!);
        Assert.Equal("Iris: MacroAccuracy 0.8710 fell by 0.0310 from 0.9020; allowed 0.0100", (string)failed["message"]!);
        Assert.Equal(0.01, (double)failed["gate"]!["maxDecrease"]!);
        Assert.Null(failed["gate"]!["min"]);
        Assert.Equal(12, (int)failed["location"]!["line"]!);
        Assert.Equal("passed", (string)gates.Single(g => (string)g!["metric"]! == "PredictionLatencyP95Ms")!["status"]!);
    }

    [Fact]
    public void Slices_expectations_per_class_confusion_and_changes_are_all_there()
    {
        Assert.Equal("<b>clay</b>", (string)Iris["slices"]![0]!["worst"]!);
        Assert.Equal(18, (int)Iris["slices"]![0]!["values"]![1]!["rows"]!);
        Assert.Equal(0.61, (double)Iris["slices"]![0]!["values"]![1]!["metrics"]!["MacroAccuracy"]!["value"]!);
        Assert.Equal(40, (int)Iris["expectations"]!["checked"]!);
        Assert.Equal(12, (int)Iris["expectations"]!["failed"]![0]!["line"]!);
        Assert.Equal(20, (double)Iris["perClass"]!["versi`color"]!["Support"]!);
        Assert.Equal(17, (long)Iris["confusion"]!["counts"]![1]![1]!);
        Assert.Equal("NumberOfTrees", (string)Iris["paramsChanged"]![0]!["name"]!);
        Assert.Equal("100", (string)Iris["paramsChanged"]![0]!["candidate"]!);
        Assert.Equal("changed", (string)Iris["dataChanged"]![0]!["change"]!);
        Assert.Equal("xxh128:t2", (string)Iris["dataChanged"]![0]!["candidateHash"]!);
    }

    [Fact]
    public void A_change_from_zero_has_no_finite_percent_and_is_written_as_null()
    {
        var evaluation = ModelEvaluation.Create("Taxi", Result(Estimates(("MeanAbsoluteError", 0.5, 0.4, 0.6))),
            Entry("Regression", new Dictionary<string, double>()),
            Lock(("Taxi", Entry("Regression", new Dictionary<string, double> { ["MeanAbsoluteError"] = 0 }, "xxh128:base"))));

        var json = JsonNode.Parse(EvaluationJson.Serialize(EvaluationReport.Create("HEAD (abc)", [evaluation], [])))!;

        var mae = json["models"]!["Taxi"]!["metrics"]!["MeanAbsoluteError"]!;
        Assert.Equal(0.5, (double)mae["delta"]!);
        Assert.Null(mae["deltaPercent"]);
        Assert.Contains("\"deltaPercent\": null", EvaluationJson.Serialize(EvaluationReport.Create("HEAD (abc)", [evaluation], [])));
    }
}
