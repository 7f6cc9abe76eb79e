using System.Text.Json.Nodes;
using MlBuild.Protocol;
using MlBuild.Core.Baselines;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.Reporting;
using static MlBuild.TestSupport.EvaluationFixtures;
using static MlBuild.Core.Tests.Reporting.ReportFixtures;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>The reports of the golden files that <see cref="ReportFixtures"/> does not already give.</summary>
internal static class GoldenFixtures
{
    /// <summary>TaxiFare, a regression model that passes its gates on a developer's machine: params and data files
    /// changed, an unpaired baseline (its recorded intervals judge significance), a slice column, four commits of
    /// history.</summary>
    public static EvaluationReport PassingRegression()
    {
        var result = Result(
            Estimates(("RSquared", 0.7512, 0.72, 0.78), ("MeanAbsoluteError", 2.01, 1.9, 2.1), ("MeanSquaredError", 32.49, 29.1, 36.2),
                ("RootMeanSquaredError", 5.7, 5.39, 6.02)),
            Values(("PredictionLatencyP50Ms", 0.42), ("PredictionLatencyP95Ms", 1.1), ("ThroughputRowsPerSecond", 52000),
                ("PeakMemoryBytes", 188743680))) with
        {
            TestRows = 2000,
            Slices =
            [
                new SliceResult
                {
                    Column = "payment_type",
                    Worst = "CSH",
                    Values =
                    [
                        new SliceValue { Value = "CRD", Rows = 1200, Metrics = Estimates(("RSquared", 0.79, 0.75, 0.82), ("RootMeanSquaredError", 5.1, 4.8, 5.5)) },
                        new SliceValue { Value = "CSH", Rows = 700, Metrics = Estimates(("RSquared", 0.68, 0.62, 0.73), ("RootMeanSquaredError", 6.4, 5.9, 6.9)) },
                        new SliceValue { Value = "(other)", Rows = 100, Metrics = Estimates(("RSquared", 0.7, 0.55, 0.8), ("RootMeanSquaredError", 6.1, 5.0, 7.2)) },
                    ],
                },
            ],
        };
        var candidate = Entry("Regression", new Dictionary<string, double>(), "xxh128:candidate", 256_000, 4.2,
            @params: new JsonObject { ["NumberOfTrees"] = 100, ["LearningRate"] = 0.1 },
            inputs: [("train", "data/taxi-train.csv", 2_400_000, "xxh128:t2"), ("test", "data/taxi-test.csv", 600_000, "xxh128:s1"),
                ("train", "data/holidays.csv", 3000, "xxh128:h1")]);
        var baseline = Entry("Regression",
            new Dictionary<string, double> { ["RSquared"] = 0.7324, ["MeanAbsoluteError"] = 2.2, ["MeanSquaredError"] = 38.44, ["RootMeanSquaredError"] = 6.2 },
            "xxh128:baseline", 240_000, 3.9,
            intervals: new Dictionary<string, (double, double)>
            {
                ["RSquared"] = (0.70, 0.76), ["MeanAbsoluteError"] = (2.1, 2.3), ["MeanSquaredError"] = (35, 42), ["RootMeanSquaredError"] = (5.9, 6.5),
            },
            @params: new JsonObject { ["NumberOfTrees"] = 50, ["LearningRate"] = 0.2 },
            inputs: [("train", "data/taxi-train.csv", 2_300_000, "xxh128:t1"), ("test", "data/taxi-test.csv", 600_000, "xxh128:s1")]);
        var taxi = ModelEvaluation.Create("TaxiFare", result, candidate, Lock(("TaxiFare", baseline)));

        var gates = new[]
        {
            new Gate { Model = "TaxiFare", Metric = MetricCatalog.Find("RSquared")!, Min = 0.7, MaxDecrease = 0.01, Location = new SourceLocation("/src/taxi/TaxiFare.csproj", 20, 6) },
            new Gate { Model = "TaxiFare", Metric = MetricCatalog.Find("RootMeanSquaredError")!, Max = 6.5, Location = new SourceLocation("/src/taxi/TaxiFare.csproj", 21, 6) },
        };
        var context = new ReportContext
        {
            Project = "samples/TaxiFare/TaxiFare.csproj",
            ProjectFolderInRepository = "samples/TaxiFare/",
            Candidate = new CommitInfo(HeadSha, "a1b2c3d", HasUncommittedChanges: true),
            History = LockFileHistory.Of(
            [
                Version("aaa1111", ("TaxiFare", Taxi(0.70, "fp-1"))),
                Version("bbb2222", ("TaxiFare", Taxi(0.71, "fp-2"))),
                Version("ccc3333", ("TaxiFare", Taxi(0.7324, "fp-3"))),
            ]),
        };
        return EvaluationReport.Create("HEAD (ccc3333)", [taxi], GateEvaluator.EvaluateAll(gates, [taxi], "/src/taxi/TaxiFare.csproj"),
            "/src/taxi", "ccc3333" + BaselineSha[7..]) with
        { BaselineRef = "HEAD", Context = context };
    }

    /// <summary>A first run outside any git repository: no baseline, so the relative gate is not evaluated and
    /// nothing is charted.</summary>
    public static EvaluationReport NoBaseline()
    {
        var iris = ModelEvaluation.Create("Iris",
            Result(Estimates(("MacroAccuracy", 0.9333, 0.87, 0.98), ("MicroAccuracy", 0.9333, 0.87, 0.98), ("LogLoss", 0.4769, 0.41, 0.55)),
                Values(("PredictionLatencyP50Ms", 0.05), ("PredictionLatencyP95Ms", 0.12))),
            Entry("MulticlassClassification", new Dictionary<string, double>(), modelSize: 5120, trainingSeconds: 0.2), null);
        var gates = new[]
        {
            new Gate { Model = "Iris", Metric = MetricCatalog.Find("MacroAccuracy")!, Min = 0.9, MaxDecrease = 0.01, Location = new SourceLocation("/src/iris/Iris.csproj", 9, 6) },
        };
        var baseline = BaselineResult.NoBaseline("the project is not in a git repository");
        return EvaluationReport.Create(baseline, [iris], GateEvaluator.EvaluateAll(gates, [iris], "/src/iris/Iris.csproj"), "/src/iris") with
        {
            Context = new ReportContext { Project = "Iris.csproj", History = LockFileHistory.None("the project is not in a git repository") },
        };
    }

    private static LockEntry Taxi(double rSquared, string fingerprint)
    {
        var entry = Entry("Regression", new Dictionary<string, double> { ["RSquared"] = rSquared });
        entry.Json["fingerprint"] = fingerprint;
        return entry;
    }
}
