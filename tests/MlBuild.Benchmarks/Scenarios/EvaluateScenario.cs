using System.Globalization;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 5 on the real taxi-fare model, trained once by MlBuild:
/// (A) its cached evaluations deleted, <c>dotnet build -t:Evaluate</c>: the model is up to date, so only the
///     evaluation runs, with 95% bootstrap intervals (MlBuildBootstrapSamples' default, 1000 resamples);
/// (B) the baseline: the same project without MlBuild is built, then a hand-written ML.NET program evaluates the same
///     model file on the same test set (point estimates only).
/// Target: A / B ≤ 1.5, with the same point estimates. For context, in the same rounds: the Evaluate build with the
/// evaluation cached (C), the Evaluate build without intervals (A0, MlBuildBootstrapSamples=0), and the hand-written
/// program with the worker's runtime settings (B′).
/// </summary>
internal sealed class EvaluateScenario(Workspace workspace, BenchmarkOptions options, string repositoryRoot)
{
    private const string Model = ProjectFiles.TaxiFareModel;
    private const double Target = 1.5;
    private const int Resamples = 1000;
    private const double MetricsTolerance = 1e-6;
    // workspace.Build passes no -c: the projects build in Debug, so the model and evaluation.json are under Debug.
    private const string Configuration = "Debug";
    private const string PerformanceSummaryArgument = "-clp:PerformanceSummary";
    private const string EvaluateTargetArgument = "-t:Evaluate";
    private const string NoIntervalsArgument = "-p:MlBuildBootstrapSamples=0";

    // MlBuild's tasks in an Evaluate build of an up-to-date model (CallTarget left out: it contains RunWorker).
    private static readonly string[] MlBuildTasks =
        ["PlanTraining", "WriteLockFile", "ResolveBaseline", "PlanEvaluation", "RunWorker", "ApplyGates"];

    private readonly string _withMlBuild = workspace.PathOf("evaluate", "WithMlBuild");
    private readonly string _withMlNet = workspace.PathOf("evaluate", "WithMlNet");
    private readonly string _modelCache = workspace.PathOf("evaluate", "model-cache");
    private readonly string _modelCopy = workspace.PathOf("evaluate", Model + ".zip");

    public ScenarioReport Run()
    {
        var report = new ScenarioReport("Evaluating the taxi-fare model with 95% intervals");
        var data = TaxiData.Load(Path.Combine(repositoryRoot, "samples", "TaxiFare", "data"));
        var program = File.ReadAllText(Path.Combine(repositoryRoot, "samples", "TaxiFare", "Program.cs"));
        ProjectFiles.Write(_withMlBuild, Model, ProjectFiles.WithMlBuild(workspace.MlBuildVersion, ProjectFiles.TaxiFareItem), program);
        ProjectFiles.Write(_withMlNet, Model, ProjectFiles.WithMlNet(), program);
        data.WriteTo(changed: false, _withMlBuild, _withMlNet);
        var handWritten = BuildHandWritten();

        // Setup: MlBuild trains the model once; the hand-written program evaluates a copy of that very file.
        Console.WriteLine("  setup: training the model, building the baseline…");
        var trained = SetupCheck.Succeeded(workspace.Build(_withMlBuild, _modelCache), "The first build of the taxi-fare project");
        SetupCheck.Require(BuildOutput.Trained(trained.Output, Model), $"The first build did not train {Model}.", trained);
        var modelFile = Path.Combine(_withMlBuild, "bin", Configuration, "net10.0", Model + ".zip");
        SetupCheck.Require(File.Exists(modelFile), $"The first build left no {modelFile}.", trained);
        File.Copy(modelFile, _modelCopy, overwrite: true);
        var lockMetrics = RegressionMetrics.FromLockFile(LockFile, Model);
        SetupCheck.Succeeded(workspace.Build(_withMlNet, _modelCache), "The first build of the ML.NET project");

        var evaluate = report.AddSamples($"MlBuild: dotnet build -t:Evaluate, evaluates ({Resamples} resamples)", "s");
        var baselineTotal = report.AddSamples("baseline: build + hand-written evaluation", "s");
        var baselineBuild = report.AddSamples("baseline: dotnet build without MlBuild", "s");
        var handWrittenRun = report.AddSamples("baseline: hand-written evaluation (dotnet TaxiFareHandWrittenEvaluation.dll)", "s");
        var worker = report.AddSamples("MlBuild: of which the RunWorker task (worker process)", "s");
        var cached = report.AddSamples("context: dotnet build -t:Evaluate, evaluation cached", "s");
        var noIntervals = report.AddSamples("context: dotnet build -t:Evaluate, no intervals (MlBuildBootstrapSamples=0)", "s");
        var noIntervalsWorker = report.AddSamples("context: of which the RunWorker task, no intervals", "s");
        var tunedRun = report.AddSamples("context: hand-written evaluation with the worker's runtime settings", "s");
        var tunedTotal = report.AddSamples("context: build + hand-written evaluation with the worker's runtime settings", "s");
        var taskTimes = MlBuildTasks.ToDictionary(t => t, _ => (Evaluates: new List<double>(), Cached: new List<double>()));

        EvaluationMetrics? evaluated = null;
        RegressionMetrics? byHand = null;
        var sameEveryRound = true;
        var worstRelativeDifference = 0.0;
        for (var round = 0; round <= options.EvaluateRounds; round++)
        {
            // A and B alternate which goes first; C follows A with nothing in between that touches MlBuild's cache;
            // A0 and B′ come last, also alternating.
            ProcessResult? a = null, b = null, bRun = null, a0 = null, bTuned = null;
            RegressionMetrics? roundByHand = null, roundTuned = null;
            EvaluationMetrics? roundEvaluated = null, roundNoIntervals = null;
            void RunA()
            {
                a = RequireEvaluated(EvaluateBuild(), Resamples, "An Evaluate build after deleting the cached evaluations");
                roundEvaluated = EvaluationMetrics.Read(EvaluationJson, Model);
            }
            void RunB()
            {
                b = SetupCheck.Succeeded(workspace.Build(_withMlNet, _modelCache), "A build of the ML.NET project");
                (bRun, roundByHand) = RunHandWritten(handWritten);
            }
            void RunA0()
            {
                a0 = RequireEvaluated(EvaluateBuild(NoIntervalsArgument), 0, "An Evaluate build without intervals");
                roundNoIntervals = EvaluationMetrics.Read(EvaluationJson, Model);
            }
            void RunBTuned() => (bTuned, roundTuned) = RunHandWritten(handWritten, RetrainScenario.WorkerRuntimeSettings);

            if (round % 2 == 0)
            {
                RunA();
                RunB();
            }
            else
            {
                RunB();
                RunA();
            }
            var c = RequireCached(workspace.Build(_withMlBuild, _modelCache, EvaluateTargetArgument, PerformanceSummaryArgument));
            if (round % 2 == 0)
            {
                RunA0();
                RunBTuned();
            }
            else
            {
                RunBTuned();
                RunA0();
            }

            // The same numbers every round: MlBuild's point estimates and intervals, the hand-written program's metrics
            // (with either runtime setting), and MlBuild's point estimates without intervals.
            sameEveryRound &= roundByHand!.SameAs(roundTuned!) && roundNoIntervals!.Point.SameAs(roundEvaluated!.Point)
                              && (evaluated is null || (roundEvaluated.Point.SameAs(evaluated.Point)
                                                        && roundEvaluated.Intervals.SequenceEqual(evaluated.Intervals)))
                              && (byHand is null || roundByHand.SameAs(byHand));
            (evaluated, byHand) = (roundEvaluated!, roundByHand);
            worstRelativeDifference = Math.Max(worstRelativeDifference, evaluated.Point.MaxRelativeDifference(byHand));

            var (measured, fromCache, withoutIntervals) =
                (PerformanceSummary.Parse(a!.Output), PerformanceSummary.Parse(c.Output), PerformanceSummary.Parse(a0!.Output));
            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : "")}: evaluate build {Seconds(a)} " +
                              $"(RunWorker {measured.TaskMs("RunWorker") / 1000:0.00} s), baseline {Seconds(b!)} + {Seconds(bRun!)}, " +
                              $"cached {Seconds(c)}, no intervals {Seconds(a0)}, hand-written tuned {Seconds(bTuned!)}");
            if (round == 0)
                continue;
            evaluate.Add(a.Elapsed.TotalSeconds);
            baselineBuild.Add(b!.Elapsed.TotalSeconds);
            handWrittenRun.Add(bRun!.Elapsed.TotalSeconds);
            baselineTotal.Add(b.Elapsed.TotalSeconds + bRun.Elapsed.TotalSeconds);
            worker.Add(measured.TaskMs("RunWorker") / 1000);
            cached.Add(c.Elapsed.TotalSeconds);
            noIntervals.Add(a0.Elapsed.TotalSeconds);
            noIntervalsWorker.Add(withoutIntervals.TaskMs("RunWorker") / 1000);
            tunedRun.Add(bTuned!.Elapsed.TotalSeconds);
            tunedTotal.Add(b.Elapsed.TotalSeconds + bTuned.Elapsed.TotalSeconds);
            foreach (var task in MlBuildTasks)
            {
                taskTimes[task].Evaluates.Add(measured.TaskMs(task));
                taskTimes[task].Cached.Add(fromCache.TaskMs(task));
            }
        }

        // Diagnostic, not measured: one more evaluating build at detailed verbosity, in which the worker's own lines
        // arrive as it writes them, to show where its time goes.
        DeleteCachedEvaluations();
        var timeline = RequireEvaluated(workspace.Build(_withMlBuild, _modelCache, EvaluateTargetArgument, "-v:d"), Resamples,
            "The detailed Evaluate build");

        report.Comparisons.Add(new Comparison("MlBuild Evaluate with intervals / (build + hand-written evaluation)", evaluate,
            baselineTotal, TargetKind.AtMost, Target));
        report.Comparisons.Add(new Comparison(
            "MlBuild Evaluate with intervals / (build + hand-written evaluation with the worker's runtime settings)", evaluate, tunedTotal));
        report.Comparisons.Add(new Comparison("MlBuild Evaluate, evaluation cached / (build + hand-written evaluation)", cached, baselineTotal));
        report.Comparisons.Add(new Comparison("MlBuild's worker (RunWorker) / hand-written evaluation program", worker, handWrittenRun));
        report.Comparisons.Add(new Comparison("MlBuild Evaluate with intervals / without (MlBuildBootstrapSamples=0)", evaluate, noIntervals));

        Describe(report);
        report.Notes.Add(EvaluateNotes.Breakdown(evaluate, worker, noIntervalsWorker, baselineBuild, handWrittenRun));
        report.Notes.Add(EvaluateNotes.Timeline(timeline, Model));
        var rows = string.Join('\n', MlBuildTasks.Select(t =>
            $"| {t} | {Statistics.Median(taskTimes[t].Evaluates):0} | {Statistics.Median(taskTimes[t].Cached):0} |"));
        report.Notes.Add("Median task times of MlBuild's tasks (ms; PlanTraining and WriteLockFile find the model up to date):\n\n" +
                         $"| task | evaluates (A) | evaluation cached (C) |\n|---|---|---|\n{rows}");
        report.Notes.Add(EvaluateNotes.MetricsTable(evaluated!, byHand!, lockMetrics, MetricsTolerance, worstRelativeDifference,
            sameEveryRound, Resamples));
        return report;
    }

    private string LockFile => Path.Combine(_withMlBuild, "mlbuild.lock.json");

    private string EvaluationJson => Path.Combine(_withMlBuild, "obj", Configuration, "net10.0", "mlbuild", "evaluation.json");

    // PlanEvaluation keeps each evaluation result in the model cache under v1/evaluations/<ab>/<key>.json.
    private string CachedEvaluations => Path.Combine(_modelCache, "v1", "evaluations");

    private void DeleteCachedEvaluations()
    {
        if (Directory.Exists(CachedEvaluations))
            Directory.Delete(CachedEvaluations, recursive: true);
    }

    /// <summary>Deletes the cached evaluations, then runs <c>dotnet build -t:Evaluate</c>, which must evaluate.</summary>
    private ProcessResult EvaluateBuild(params string[] extraArguments)
    {
        DeleteCachedEvaluations();
        return workspace.Build(_withMlBuild, _modelCache, [EvaluateTargetArgument, PerformanceSummaryArgument, .. extraArguments]);
    }

    /// <summary>Builds the hand-written evaluation once, into the work folder, with the workspace's isolated packages.</summary>
    private string BuildHandWritten()
    {
        var project = Path.Combine(repositoryRoot, "tests", "MlBuild.Benchmarks", "HandWrittenEvaluation",
            "TaxiFareHandWrittenEvaluation.csproj");
        var output = workspace.PathOf("evaluate", "handwritten");
        SetupCheck.Succeeded(workspace.Dotnet(repositoryRoot, _modelCache,
            ["build", project, "-c", "Release", "-o", output, "-nodeReuse:false", "-tl:off"]), "Building the hand-written evaluation");
        return Path.Combine(output, "TaxiFareHandWrittenEvaluation.dll");
    }

    private (ProcessResult Result, RegressionMetrics Metrics) RunHandWritten(string dll,
        IReadOnlyDictionary<string, string>? runtimeSettings = null)
    {
        var result = SetupCheck.Succeeded(workspace.Dotnet(_withMlNet, _modelCache,
            [dll, _modelCopy, Path.Combine(_withMlNet, "data", TaxiData.TestFile)], runtimeSettings), "The hand-written evaluation");
        return (result, RegressionMetrics.FromProgramOutput(result.Output));
    }

    /// <summary>The build must have evaluated: the model up to date (nothing trained), the worker run with the given
    /// number of resamples, and the table reported with no baseline.</summary>
    private static ProcessResult RequireEvaluated(ProcessResult build, int resamples, string what)
    {
        SetupCheck.Succeeded(build, what);
        SetupCheck.Require(BuildOutput.UpToDate(build.Output, Model) && !BuildOutput.MentionsTraining(build.Output),
            $"{what} did not find {Model} up to date.", build);
        SetupCheck.Require(BuildOutput.Evaluated(build.Output, Model) && BuildOutput.EvaluatedWithResamples(build.Output, Model, resamples),
            $"{what} did not run the worker's evaluation of {Model} with {resamples} bootstrap resamples.", build);
        SetupCheck.Require(BuildOutput.ReportedWithoutBaseline(build.Output, Model),
            $"{what} did not report {Model}'s evaluation without a baseline.", build);
        return build;
    }

    /// <summary>The build must have reused the cached evaluation: reported, with no worker run.</summary>
    private static ProcessResult RequireCached(ProcessResult build)
    {
        const string what = "An Evaluate build with nothing changed";
        SetupCheck.Succeeded(build, what);
        SetupCheck.Require(BuildOutput.UpToDate(build.Output, Model) && !BuildOutput.MentionsTraining(build.Output)
                           && !BuildOutput.Evaluated(build.Output, Model) && BuildOutput.ReportedWithoutBaseline(build.Output, Model),
            $"{what} did not reuse the cached evaluation of {Model}.", build);
        return build;
    }

    private static string Seconds(ProcessResult result) =>
        result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private void Describe(ScenarioReport report)
    {
        report.Method.Add("Project: samples/TaxiFare's Program.cs and data (100,000 training and 100,000 test trips) with " +
                          "`<MlModel Include=\"TaxiFare\" Task=\"Regression\" Trainer=\"FastTree\" TrainData=\"data/train.csv\" " +
                          "TestData=\"data/test.csv\" LabelColumn=\"fare_amount\" />`, no MlGate, MlSlice or MlExpectation. " +
                          "The work folder is not a git repository, so Evaluate has no baseline (the output says so) and " +
                          "scores the candidate model alone, with no paired comparison.");
        report.Method.Add("Setup (not measured): one `dotnet build` trains the model (the output must say \"Training TaxiFare\"); " +
                          $"its bin/{Configuration}/net10.0/TaxiFare.zip is copied once for the baseline; the baseline project is built once.");
        report.Method.Add("Measured (A): delete the model cache's evaluation results (`<cache>/v1/evaluations/`), then " +
                          "`dotnet build -t:Evaluate -clp:PerformanceSummary`. The model is up to date, so only the evaluation " +
                          $"runs, with MlBuildBootstrapSamples' default of {Resamples} resamples: load both data files as training " +
                          "did, score the test set, every metric with a 95% bootstrap interval, single-row latency (1,000 rows), " +
                          "batch throughput, peak memory, then ApplyGates' table, evaluation.json and report.md. The output must " +
                          $"say \"TaxiFare is up to date\" (and no \"Training\"), \"Evaluating TaxiFare…\", \"({Resamples} bootstrap " +
                          "resamples)\" and the table header \"TaxiFare - no gates; no baseline …\".");
        report.Method.Add("Baseline (B): `dotnet build` of the same project referencing Microsoft.ML and Microsoft.ML.FastTree " +
                          $"{ProjectFiles.MlNetVersion} instead of MlBuild (nothing to compile), then `dotnet " +
                          "TaxiFareHandWrittenEvaluation.dll` (tests/MlBuild.Benchmarks/HandWrittenEvaluation, built once " +
                          "beforehand in Release) on the copy of the same model file: `ml.Model.Load`, test.csv through a " +
                          "TextLoader, `ml.Regression.Evaluate(model.Transform(test), \"fare_amount\")`, the four metrics printed " +
                          "as one JSON line. Point estimates only: what a developer writes by hand.");
        report.Method.Add("Context, in the same rounds: (C) `dotnet build -t:Evaluate -clp:PerformanceSummary` right after A, " +
                          "nothing changed: the evaluation is reused from the cache (the output must have the table and no " +
                          "\"Evaluating\"); (A0) A with `-p:MlBuildBootstrapSamples=0` (no intervals: the intervals' cost); " +
                          "(B′) the hand-written program with the runtime settings RunWorker gives the worker (" +
                          string.Join(", ", RetrainScenario.WorkerRuntimeSettings.Select(s => $"{s.Key}={s.Value}")) + ").");
        report.Method.Add($"One warm-up round, then {options.EvaluateRounds} rounds of A, B, C, A0, B′; A and B alternate which " +
                          "goes first, and so do A0 and B′. RunWorker's time is its task time in the performance summary.");
    }
}
