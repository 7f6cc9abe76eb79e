using System.Text.Json.Nodes;
using MlBuild.Protocol;
using MlBuild.Core.Baselines;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>
/// One report with two models: Iris (multiclass, paired against HEAD, one of two gates failed, params and data
/// changed, a slice column, failed expectations, per-class detail) and Heart|Disease (binary, a name with a pipe,
/// new: not in the baseline). And the contexts it can be rendered in: a pull request in GitHub Actions, a local
/// working tree.
/// </summary>
internal static class ReportFixtures
{
    public const string ProjectDirectory = "/src/app";
    public const string HeadSha = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public const string BaselineSha = "3f2a1b9c0d1e2f3a4b5c6d7e8f90123456789abc";
    public const string RepositoryUrl = "https://github.com/octo/mlbuild";
    public const string RunUrl = RepositoryUrl + "/actions/runs/987654321";

    /// <summary>A pull request's run: links to commits and the run, and three commits of the lock file's history
    /// (the middle one changed another model only, so Iris has two points before the candidate).</summary>
    public static ReportContext InActions() => new()
    {
        Project = "samples/Iris/Iris.csproj",
        ProjectFolderInRepository = "samples/Iris/",
        Candidate = CommitInfo.Of(HeadSha),
        RepositoryUrl = RepositoryUrl,
        RunUrl = RunUrl,
        PullRequest = 12,
        History = LockFileHistory.Of(
        [
            Version("c0ffee1", ("Iris", IrisEntry(0.88, "fp-1"))),
            Version("5d6e7f8", ("Iris", IrisEntry(0.88, "fp-1")), ("Other", IrisEntry(0.5, "fp-o"))),
            Version("3f2a1b9", ("Iris", IrisEntry(0.902, "fp-2"))),
        ]),
    };

    /// <summary>A developer's machine: HEAD with uncommitted changes, no links, the same history.</summary>
    public static ReportContext Local() => InActions() with
    {
        Candidate = new CommitInfo(HeadSha, "a1b2c3d", HasUncommittedChanges: true),
        RepositoryUrl = null,
        RunUrl = null,
        PullRequest = null,
    };

    public static LockFileVersion Version(string shortSha, params (string Name, LockEntry Entry)[] models) =>
        new(shortSha.PadRight(40, '0'), shortSha, models.ToDictionary(m => m.Name, m => m.Entry, StringComparer.Ordinal));

    private static LockEntry IrisEntry(double macroAccuracy, string fingerprint)
    {
        var entry = Entry("MulticlassClassification", new Dictionary<string, double> { ["MacroAccuracy"] = macroAccuracy });
        entry.Json["fingerprint"] = fingerprint;
        return entry;
    }

    public static EvaluationReport Report() => Report("HEAD", "3f2a1b9", ReportContext.Unknown);

    public static EvaluationReport Report(string baselineRef, string baselineCommit, ReportContext context)
    {
        var iris = Iris();
        var heart = Heart();
        var gates = new[]
        {
            new Gate { Model = "Iris", Metric = MetricCatalog.Find("MacroAccuracy")!, MaxDecrease = 0.01, Location = new SourceLocation("/src/app/app.csproj", 12, 6) },
            new Gate { Model = "Iris", Metric = MetricCatalog.Find("PredictionLatencyP95Ms")!, MaxIncreasePercent = 50, Location = new SourceLocation("/src/app/app.csproj", 13, 6) },
            new Gate { Model = "Heart|Disease", Metric = MetricCatalog.Find("Accuracy")!, Min = 0.5, Location = new SourceLocation("/src/app/app.csproj", 14, 6) },
        };
        var outcomes = GateEvaluator.EvaluateAll(gates, [heart, iris], "/src/app/app.csproj");
        return EvaluationReport.Create($"{baselineRef} (3f2a1b9)", [heart, iris], outcomes, ProjectDirectory, baselineCommit)
            with
        { BaselineRef = baselineRef, Context = context };
    }

    private static ModelEvaluation Iris()
    {
        var result = Paired(
            Estimates(("MacroAccuracy", 0.871, 0.83, 0.91), ("MicroAccuracy", 0.88, 0.84, 0.92), ("LogLoss", 0.41, 0.35, 0.45)),
            Estimates(("MacroAccuracy", 0.902, 0.87, 0.93), ("MicroAccuracy", 0.89, 0.85, 0.93), ("LogLoss", 0.40, 0.34, 0.44)),
            Deltas(("MacroAccuracy", -0.031, -0.05, -0.01), ("MicroAccuracy", -0.01, -0.03, 0.01), ("LogLoss", 0.01, -0.01, 0.03)),
            Values(("PredictionLatencyP95Ms", 1.92), ("PeakMemoryBytes", 157286400)),
            Values(("PredictionLatencyP95Ms", 1.42))) with
        {
            TestRows = 30,
            Slices =
            [
                new SliceResult
                {
                    Column = "Soil|Type",
                    Worst = "<b>clay</b>",
                    Values =
                    [
                        new SliceValue { Value = "sand", Rows = 12, Metrics = Estimates(("MacroAccuracy", 0.95, 0.9, 1.0)) },
                        new SliceValue { Value = "<b>clay</b>", Rows = 18, Metrics = Estimates(("MacroAccuracy", 0.61, 0.5, 0.7)) },
                    ],
                },
            ],
            FailedExpectations =
            [
                new ExpectationFailure { File = "/src/app/tests/iris.expect.jsonl", Line = 12, Expected = "setosa", Actual = "versicolor" },
            ],
            ExpectationsChecked = 40,
            PerClass = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal)
            {
                ["setosa"] = new(StringComparer.Ordinal) { ["Precision"] = 1, ["Recall"] = 0.9, ["F1Score"] = 0.947, ["Support"] = 10 },
                ["versi`color"] = new(StringComparer.Ordinal) { ["Precision"] = 0.8, ["Recall"] = 0.85, ["F1Score"] = 0.82, ["Support"] = 20 },
            },
            Confusion = new ConfusionMatrix(["setosa", "versi`color"], [[9, 1], [3, 17]]),
        };
        var candidate = Entry("MulticlassClassification", new Dictionary<string, double>(), modelSize: 5120, trainingSeconds: 2.5,
            @params: new JsonObject { ["NumberOfTrees"] = 100 }, inputs: [("train", "data/train.csv", 120, "xxh128:t2")]);
        var baseline = Entry("MulticlassClassification", new Dictionary<string, double>(), "xxh128:base", 4096, 2.0,
            @params: new JsonObject { ["NumberOfTrees"] = 50 }, inputs: [("train", "data/train.csv", 100, "xxh128:t1")]);
        return ModelEvaluation.Create("Iris", result, candidate, Lock(("Iris", baseline)));
    }

    private static ModelEvaluation Heart() => ModelEvaluation.Create("Heart|Disease",
        Result(Estimates(("AreaUnderRocCurve", 0.91, 0.85, 0.96), ("Accuracy", 0.95, 0.9, 0.99))),
        Entry("BinaryClassification", new Dictionary<string, double>(), modelSize: 17679),
        Lock(("Iris", Entry("MulticlassClassification", new Dictionary<string, double>()))));
}
