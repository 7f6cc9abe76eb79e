using MlBuild.Core.Baselines;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

public sealed class ConsoleReportTests
{
    private readonly IReadOnlyList<string> _lines = ConsoleReport.Render(ReportFixtures.Report());

    private IReadOnlyList<string> ModelLines(string name)
    {
        var start = _lines.ToList().FindIndex(l => l.StartsWith(name + " - ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no header for {name}");
        return _lines.Skip(start).TakeWhile(l => l.Length > 0).ToList();
    }

    private static string[] Cells(string row) => row.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void A_failing_model_comes_first_with_a_header_that_counts_gates_and_names_the_baseline()
    {
        Assert.Equal("Iris - 2 gates, 1 failed; baseline HEAD (3f2a1b9), paired; 30 test rows", _lines[0]);
        Assert.Contains("Heart|Disease - 1 gate, passed; new model: not in baseline HEAD (3f2a1b9); 30 test rows", _lines);
        Assert.Single(_lines, l => l.Length == 0);
    }

    [Fact]
    public void Rows_with_a_failing_gate_come_first_then_gated_rows_then_the_rest_in_catalog_order()
    {
        var metrics = ModelLines("Iris").Skip(3).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.Contains(':'))
            .Select(l => Cells(l)[0]).ToList();

        Assert.Equal(["MacroAccuracy ↑", "PredictionLatencyP95Ms ↓", "MicroAccuracy ↑", "LogLoss ↓", "PeakMemoryBytes ↓",
            "ModelSizeBytes ↓", "TrainingSeconds ↓"], metrics);
    }

    [Fact]
    public void A_row_shows_baseline_candidate_delta_in_points_interval_significance_gate_and_result()
    {
        var lines = ModelLines("Iris");
        Assert.Equal(["metric", "baseline", "candidate", "delta", "95% interval", "significant", "gate", "result"], Cells(lines[1]));
        Assert.Matches("^  -+(  -+){7}$", lines[2]);

        var accuracy = Cells(lines[3]);
        Assert.Equal(["MacroAccuracy ↑", "0.9020", "0.8710", "-3.10 pp", "[0.8300, 0.9100]", "yes", "decrease <= 0.0100", "FAIL"], accuracy);
        var latency = Cells(lines[4]);
        Assert.Equal(["PredictionLatencyP95Ms ↓", "1.42 ms", "1.92 ms", "+0.500 ms (+35.2 %)", "-", "unknown", "increase <= 50 %", "ok"], latency);
        var memory = Cells(lines.Single(l => l.Contains("PeakMemoryBytes")));
        Assert.Equal(["PeakMemoryBytes ↓", "-", "150.0 MiB", "-", "-", "-"], memory);
        var size = Cells(lines.Single(l => l.Contains("ModelSizeBytes")));
        Assert.Equal(["ModelSizeBytes ↓", "4.0 KiB", "5.0 KiB", "+1.0 KiB (+25.0 %)", "-", "yes"], size);
    }

    [Fact]
    public void Columns_line_up_and_the_text_is_ascii_but_for_the_arrows()
    {
        var table = ModelLines("Iris").Skip(1).TakeWhile(l => !l.Contains(':')).ToList();
        var deltaColumn = table[0].IndexOf("delta", StringComparison.Ordinal) + "delta".Length;
        // Right-aligned: every delta cell ends where the header ends.
        Assert.All(table.Skip(2), row => Assert.NotEqual(' ', row[deltaColumn - 1]));
        Assert.All(_lines, line => Assert.All(line, c => Assert.True(c < 128 || c is '↑' or '↓', $"non-ASCII '{c}' in: {line}")));
    }

    [Fact]
    public void What_changed_in_the_recipe_and_the_data_follows_the_table()
    {
        var lines = ModelLines("Iris");

        Assert.Contains("  params changed: NumberOfTrees 50 -> 100", lines);
        Assert.Contains("  data changed: data/train.csv (changed)", lines);
        Assert.Contains("  worst Soil|Type slice: <b>clay</b> (MacroAccuracy 0.6100, 18 rows)", lines);
        Assert.Contains("  expectations: 1 of 40 failed", lines);
    }

    [Fact]
    public void A_model_without_a_baseline_says_so_and_has_no_deltas()
    {
        var heart = ModelLines("Heart|Disease");

        var auc = Cells(heart.Single(l => l.Contains("AreaUnderRocCurve")));
        Assert.Equal(["AreaUnderRocCurve ↑", "-", "0.9100", "-", "[0.8500, 0.9600]", "-"], auc);
        Assert.Contains("Accuracy", Cells(heart[3])[0]);
        Assert.Equal("ok", Cells(heart[3])[^1]);
    }

    [Fact]
    public void Without_any_baseline_the_header_gives_the_reason_and_a_relative_gate_is_not_evaluated()
    {
        var evaluation = ModelEvaluation.Create("Iris", Result(Estimates(("MacroAccuracy", 0.9, 0.85, 0.95))),
            Entry("MulticlassClassification", new Dictionary<string, double>()), null);
        var gate = new Gate { Model = "Iris", Metric = MetricCatalog.Find("MacroAccuracy")!, MaxDecrease = 0.01 };
        var report = EvaluationReport.Create(BaselineResult.NoBaseline("not a git repository"), [evaluation],
            GateEvaluator.EvaluateAll([gate], [evaluation], "p.csproj"));

        var lines = ConsoleReport.Render(report);

        Assert.Equal("Iris - 1 gate, 1 not evaluated; no baseline (not a git repository); 30 test rows", lines[0]);
        Assert.Equal(["MacroAccuracy ↑", "-", "0.9000", "-", "[0.8500, 0.9500]", "-", "decrease <= 0.0100", "n/a"], Cells(lines[3]));
    }
}
