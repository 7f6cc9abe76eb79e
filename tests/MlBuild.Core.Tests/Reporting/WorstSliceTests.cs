using System.Text.RegularExpressions;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Reporting;
using MlBuild.Protocol;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>
/// The reports say why a slice is the worst with the metric the worker ranked the slices by (SliceRanking): for a
/// regression its RootMeanSquaredError, not the primary RSquared, which compares the errors with the spread of the
/// labels within each slice and so can be lowest on another slice.
/// </summary>
public sealed class WorstSliceTests
{
    /// <summary>By RSquared "short" is the weakest slice; by RMSE, as the worker ranks them, "airport" is the worst.</summary>
    private static EvaluationReport Regression()
    {
        var result = Result(Estimates(("RSquared", 0.75, 0.72, 0.78), ("RootMeanSquaredError", 5.7, 5.4, 6.0))) with
        {
            TestRows = 2000,
            Slices =
            [
                new SliceResult
                {
                    Column = "trip_kind",
                    Worst = "airport",
                    Values =
                    [
                        new SliceValue { Value = "short", Rows = 900, Metrics = Estimates(("RSquared", 0.41, 0.35, 0.47), ("RootMeanSquaredError", 2.1, 1.9, 2.3)) },
                        new SliceValue { Value = "airport", Rows = 300, Metrics = Estimates(("RSquared", 0.83, 0.79, 0.86), ("RootMeanSquaredError", 9.87, 9.1, 10.6)) },
                        new SliceValue { Value = "long", Rows = 800, Metrics = Estimates(("RSquared", 0.7, 0.66, 0.74), ("RootMeanSquaredError", 6.2, 5.8, 6.6)) },
                    ],
                },
            ],
        };
        var taxi = ModelEvaluation.Create("TaxiFare", result, Entry("Regression", new Dictionary<string, double>()), null);
        return EvaluationReport.Create("none (no baseline)", [taxi], []);
    }

    [Fact]
    public void The_console_quotes_the_worst_slices_root_mean_squared_error()
    {
        var lines = ConsoleReport.Render(Regression());

        Assert.Contains("  worst trip_kind slice: airport (RootMeanSquaredError 9.8700, 300 rows)", lines);
        Assert.DoesNotContain(lines, l => l.Contains("worst", StringComparison.Ordinal) && l.Contains("RSquared", StringComparison.Ordinal));
    }

    [Fact]
    public void The_markdown_summary_quotes_the_worst_slices_root_mean_squared_error_and_lists_it_first()
    {
        var markdown = MarkdownReport.Render(Regression());

        var summary = Regex.Match(markdown, "<summary>(Slices by trip_kind[^<]*)</summary>").Groups[1].Value;
        Assert.Equal("Slices by trip_kind: 3 values, worst airport (RootMeanSquaredError 9.8700, 300 rows)", summary);
        var rows = MarkdownReportTests.TableAfter(markdown, "<summary>Slices by trip_kind");
        Assert.Equal(["⚠️ **airport** (worst)", "300", "0.8300", "9.8700"], rows[2]);
        Assert.Equal(["short", "long"], rows.Skip(3).Select(r => r[0]));
    }

    [Theory]
    [InlineData("BinaryClassification", "AreaUnderRocCurve")]
    [InlineData("MulticlassClassification", "MacroAccuracy")]
    [InlineData("Regression", "RootMeanSquaredError")]
    public void Each_task_ranks_its_slices_by_its_own_metric(string task, string metric)
    {
        var slice = new SliceValue
        {
            Value = "v",
            Metrics = Estimates(("AreaUnderRocCurve", 0.8, 0.7, 0.9), ("Accuracy", 0.7, 0.6, 0.8), ("MacroAccuracy", 0.6, 0.5, 0.7),
                ("RSquared", 0.5, 0.4, 0.6), ("RootMeanSquaredError", 4.0, 3.5, 4.5)),
        };

        Assert.Equal(metric, SliceRanking.RankedBy(slice, task)?.Metric.Name);
    }

    [Fact]
    public void A_binary_slice_of_one_class_without_an_auc_is_ranked_by_its_accuracy()
    {
        var slice = new SliceValue { Value = "v", Metrics = Estimates(("AreaUnderRocCurve", double.NaN, double.NaN, double.NaN), ("Accuracy", 0.7, 0.6, 0.8)) };

        Assert.Equal(("Accuracy", 0.7), SliceRanking.RankedBy(slice, "BinaryClassification") is var (m, v) ? (m.Name, v) : default);
    }
}
