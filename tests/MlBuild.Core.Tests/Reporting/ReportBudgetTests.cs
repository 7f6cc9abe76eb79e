using System.Globalization;
using MlBuild.Protocol;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>Large reports stay under the budget of a pull-request comment, and say what they left out.</summary>
public sealed class ReportBudgetTests
{
    /// <summary>Multiclass models, every other one failing its gate, each with a 3-class confusion matrix and
    /// per-class table, a slice column of 40 values and a baseline.</summary>
    internal static EvaluationReport ManyModels(int count)
    {
        string[] classes = ["setosa", "versicolor", "virginica"];
        var evaluations = Enumerable.Range(1, count).Select(i =>
        {
            var name = $"Model{i.ToString("000", CultureInfo.InvariantCulture)}";
            var accuracy = i % 2 == 0 ? 0.80 : 0.93;
            var result = Result(Estimates(("MacroAccuracy", accuracy, accuracy - 0.04, accuracy + 0.04), ("MicroAccuracy", 0.92, 0.88, 0.96),
                    ("LogLoss", 0.31, 0.25, 0.37), ("LogLossReduction", 0.71, 0.65, 0.77)),
                Values(("PredictionLatencyP50Ms", 0.05), ("PredictionLatencyP95Ms", 0.12), ("ThroughputRowsPerSecond", 90000), ("PeakMemoryBytes", 150_000_000))) with
            {
                TestRows = 400,
                Slices =
                [
                    new SliceResult
                    {
                        Column = "region",
                        Worst = "region-07",
                        Values = Enumerable.Range(1, 40).Select(v => new SliceValue
                        {
                            Value = $"region-{v:00}", Rows = 10,
                            Metrics = Estimates(("MacroAccuracy", 0.9 - v / 1000.0, 0.8, 0.95), ("MicroAccuracy", 0.91, 0.8, 0.95)),
                        }).ToList(),
                    },
                ],
                PerClass = new SortedDictionary<string, SortedDictionary<string, double>>(
                    classes.ToDictionary(c => c, _ => new SortedDictionary<string, double>(StringComparer.Ordinal)
                    {
                        ["Precision"] = 0.9, ["Recall"] = 0.9, ["F1Score"] = 0.9, ["Support"] = 40,
                    }), StringComparer.Ordinal),
                Confusion = new ConfusionMatrix(classes, [[38, 1, 1], [2, 36, 2], [0, 3, 37]]),
            };
            var baseline = Entry("MulticlassClassification", new Dictionary<string, double> { ["MacroAccuracy"] = 0.92, ["MicroAccuracy"] = 0.92 }, "xxh128:b");
            return ModelEvaluation.Create(name, result, Entry("MulticlassClassification", new Dictionary<string, double>()), Lock((name, baseline)));
        }).ToList();
        var gates = evaluations.Select(e => new Gate
        {
            Model = e.Name, Metric = MetricCatalog.Find("MacroAccuracy")!, Min = 0.85, Location = new SourceLocation("/p/p.csproj", 3, 4),
        });
        return EvaluationReport.Create("HEAD (3f2a1b9)", evaluations, GateEvaluator.EvaluateAll(gates, evaluations, "/p/p.csproj"), "/p", "3f2a1b9")
            with
        { BaselineRef = "HEAD" };
    }

    /// <summary>Nothing is cut inside a table row, an HTML element or a code fence.</summary>
    internal static void AssertWhole(string markdown)
    {
        var lines = markdown.Split('\n');
        Assert.All(lines.Where(l => l.StartsWith('|')), l => Assert.EndsWith("|", l));
        Assert.Equal(markdown.Split("<details").Length, markdown.Split("</details>").Length);
        Assert.Equal(markdown.Split("<summary>").Length, markdown.Split("</summary>").Length);
        Assert.Equal(markdown.Split("<sub>").Length, markdown.Split("</sub>").Length);
        Assert.True(lines.Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2 == 0, "a code fence is left open");
        Assert.EndsWith("\n", markdown);
    }

    [Fact]
    public void Fifty_models_with_slices_per_class_tables_and_confusion_matrices_fit_and_keep_every_metrics_table()
    {
        var report = ManyModels(50);

        var markdown = MarkdownReport.Render(report);

        Assert.True(markdown.Length <= MarkdownReport.DefaultBudget, $"{markdown.Length} characters");
        AssertWhole(markdown);
        foreach (var model in report.Models)
        {
            var section = markdown.IndexOf($"### {ModelSection.Mark(model)} {model.Name}\n", StringComparison.Ordinal);
            Assert.True(section >= 0, $"no section of {model.Name}");
            Assert.StartsWith("| metric | baseline | candidate | delta |", markdown[markdown.IndexOf("| metric", section, StringComparison.Ordinal)..]);
        }
        Assert.Contains("> [!NOTE]\n> Shortened to fit GitHub's size limit for a comment; not shown: ", markdown);
        Assert.Contains("The full results are in evaluation.json", markdown);
    }

    [Fact]
    public void Rows_inside_collapsed_sections_are_shortened_before_any_section_is_dropped()
    {
        var report = ManyModels(4);
        var full = MarkdownReport.Render(report);
        var budget = full.Length - 500;

        var markdown = MarkdownReport.Render(report, budget);

        Assert.True(markdown.Length <= budget);
        AssertWhole(markdown);
        Assert.Equal(full.Split("<details").Length, markdown.Split("<details").Length);
        Assert.Contains("*… 20 more rows not shown to fit the size limit; the full results are in evaluation.json.*", markdown);
        Assert.Matches(@"not shown: \d+ rows of collapsed sections\. ", markdown);
    }

    [Fact]
    public void Collapsed_sections_of_the_last_models_go_first_and_failing_models_keep_theirs()
    {
        var report = ManyModels(50);

        var markdown = MarkdownReport.Render(report);

        var first = report.Models[0];
        var last = report.Models[^1];
        Assert.True(first.Failed);
        var firstSection = markdown[markdown.IndexOf($"### ❌ {first.Name}\n", StringComparison.Ordinal)..];
        Assert.StartsWith("<details><summary>Slices by region", firstSection[firstSection.IndexOf("<details>", StringComparison.Ordinal)..]);
        var lastSection = markdown[markdown.IndexOf($"### ✅ {last.Name}\n", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<details>", lastSection);
        Assert.Contains("*Not shown to fit the size limit: ", lastSection);
        Assert.Matches(@"the collapsed sections of the last \d+ models", markdown);
    }

    [Fact]
    public void Far_more_models_than_fit_are_counted_rather_than_cut()
    {
        var markdown = MarkdownReport.Render(ManyModels(400));

        Assert.True(markdown.Length <= MarkdownReport.DefaultBudget, $"{markdown.Length} characters");
        AssertWhole(markdown);
        Assert.Matches(@"\*… \d+ more models not shown to fit the size limit", markdown);
        Assert.StartsWith("## ❌ MlBuild evaluation: 200 gates failed in 200 of 400 models\n", markdown);
    }
}
