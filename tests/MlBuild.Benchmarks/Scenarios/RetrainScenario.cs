using System.Globalization;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmarks 3 and 4 on the real taxi-fare model, from one series of rounds:
/// (A) one training row changes, then <c>dotnet build</c> retrains (with an empty model cache, so it trains);
/// (B) the baseline: the same project without MlBuild is built, then a hand-written ML.NET program trains the same
///     model from the same files (and, for context, once more with the worker's runtime settings);
/// (C) the change is reverted, then <c>dotnet build</c> restores the earlier model from the model cache.
/// Benchmark 3 compares A with B (target ≤ 1.05, and the same metrics); benchmark 4 compares MlBuild's own task
/// time in C with that in A (target ≤ 0.03).
/// </summary>
internal sealed class RetrainScenario(Workspace workspace, BenchmarkOptions options, string repositoryRoot)
{
    private const string Model = ProjectFiles.TaxiFareModel;
    private const string PerformanceSummaryArgument = "-clp:PerformanceSummary";

    // The runtime settings MlBuild's RunWorker gives the worker (src/MlBuild.Tasks/RunWorker.cs, since 6df9d28).
    // The primary baseline runs the hand-written program as `dotnet <dll>` with the defaults, as a developer would; a
    // context variant runs it with these too, to tell MlBuild's own gains from the runtime settings' (benchmark 5 too).
    internal static readonly IReadOnlyDictionary<string, string> WorkerRuntimeSettings = new Dictionary<string, string>
    {
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
    };

    // MlBuild's tasks. CallTarget is left out: its time contains RunWorker's and CommitModel's.
    private static readonly string[] MlBuildTasks = ["PlanTraining", "RunWorker", "CommitModel", "WriteLockFile"];
    // MlBuild's targets that run tasks (_MlBuildTrainModels only calls _MlBuildTrainOneModel, whose time it includes).
    private static readonly string[] MlBuildTargets = ["_MlBuildPlan", "_MlBuildTrainOneModel", "_MlBuildWriteLockFile"];

    private readonly string _withMlBuild = workspace.PathOf("taxi", "WithMlBuild");
    private readonly string _withMlNet = workspace.PathOf("taxi", "WithMlNet");
    private readonly string _modelCache = workspace.PathOf("taxi", "model-cache");

    public IReadOnlyList<ScenarioReport> Run()
    {
        var retrain = new ScenarioReport("Retraining the taxi-fare model after a one-row data change");
        var restore = new ScenarioReport("Restoring the taxi-fare model from the cache instead of training it");
        var data = TaxiData.Load(Path.Combine(repositoryRoot, "samples", "TaxiFare", "data"));
        var program = File.ReadAllText(Path.Combine(repositoryRoot, "samples", "TaxiFare", "Program.cs"));
        ProjectFiles.Write(_withMlBuild, Model, ProjectFiles.WithMlBuild(workspace.MlBuildVersion, ProjectFiles.TaxiFareItem), program);
        ProjectFiles.Write(_withMlNet, Model, ProjectFiles.WithMlNet(), program);
        var handWritten = BuildHandWritten();

        // Setup: both fingerprints (original and changed data) trained into the model cache; the baseline built once.
        Console.WriteLine("  setup: training the original and the changed data, building the baseline…");
        data.WriteTo(changed: false, _withMlBuild, _withMlNet);
        RequireTrained(BuildWithMlBuild(_modelCache), "The first build of the taxi-fare project");
        var originalMetrics = RegressionMetrics.FromLockFile(LockFile, Model);
        data.WriteTo(changed: true, _withMlBuild, _withMlNet);
        RequireTrained(BuildWithMlBuild(_modelCache), "The build after the data change");
        data.WriteTo(changed: false, _withMlBuild, _withMlNet);
        RequireRestored(BuildWithMlBuild(_modelCache), "The build after reverting the data change");
        SetupCheck.Succeeded(workspace.Build(_withMlNet, _modelCache, PerformanceSummaryArgument), "The first build of the ML.NET project");
        var originalHandWritten = RunHandWritten(handWritten).Metrics;

        var mlBuildBuild = retrain.AddSamples("MlBuild: dotnet build, retrains", "s");
        var baselineTotal = retrain.AddSamples("baseline: build + hand-written program", "s");
        var baselineBuild = retrain.AddSamples("baseline: dotnet build without MlBuild", "s");
        var handWrittenRun = retrain.AddSamples("baseline: hand-written program (dotnet TaxiFareHandWritten.dll)", "s");
        var worker = retrain.AddSamples("MlBuild: of which the RunWorker task (worker process)", "s");
        var workerFit = retrain.AddSamples("MlBuild: of which Fit (lock file's trainingSeconds; data already in memory)", "s");
        var handWrittenFit = retrain.AddSamples("baseline: of which Fit (its own clock; includes reading train.csv)", "s");
        var tunedRun = retrain.AddSamples("context: hand-written program with the worker's runtime settings", "s");
        var tunedTotal = retrain.AddSamples("context: build + hand-written program with the worker's runtime settings", "s");

        var restoreTasks = restore.AddSamples("restore: MlBuild tasks", "ms");
        var trainTasks = restore.AddSamples("train: MlBuild tasks", "ms");
        var restoreTargets = restore.AddSamples("restore: MlBuild targets", "ms");
        var trainTargets = restore.AddSamples("train: MlBuild targets", "ms");
        var restoreBuild = restore.AddSamples("restore: whole dotnet build", "s");
        var trainBuild = restore.AddSamples("train: whole dotnet build", "s");
        var taskTimes = MlBuildTasks.ToDictionary(t => t, _ => (Restore: new List<double>(), Train: new List<double>()));

        RegressionMetrics? changedLock = null, changedHandWritten = null;
        var metricsAgreeEveryRound = true;
        for (var round = 0; round <= options.RetrainRounds; round++)
        {
            // A: the one-row change, then a build with an empty model cache, so that it trains.
            data.WriteTo(changed: true, _withMlBuild, _withMlNet);
            var emptyCache = workspace.PathOf("taxi", $"empty-cache-{round}");
            var trained = RequireTrained(BuildWithMlBuild(emptyCache), "The build after the data change");
            Directory.Delete(emptyCache, recursive: true);
            changedLock = RegressionMetrics.FromLockFile(LockFile, Model);

            // B: the same work without MlBuild.
            var built = SetupCheck.Succeeded(workspace.Build(_withMlNet, _modelCache, PerformanceSummaryArgument),
                "A build of the ML.NET project");
            var (ran, metrics) = RunHandWritten(handWritten);
            changedHandWritten = metrics;
            metricsAgreeEveryRound &= metrics.SameAs(changedLock);
            var (tuned, tunedMetrics) = RunHandWritten(handWritten, WorkerRuntimeSettings);
            metricsAgreeEveryRound &= tunedMetrics.SameAs(changedLock);

            // C: the change reverted: the earlier model is in the cache.
            data.WriteTo(changed: false, _withMlBuild, _withMlNet);
            var restored = RequireRestored(BuildWithMlBuild(_modelCache), "The build after reverting the data change");

            var (train, back) = (PerformanceSummary.Parse(trained.Output), PerformanceSummary.Parse(restored.Output));
            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : "")}: retrain build {Seconds(trained)}, " +
                              $"baseline {Seconds(built)} + {Seconds(ran)}, restore build {Seconds(restored)}; MlBuild tasks " +
                              $"{Sum(train, MlBuildTasks):0} ms training, {Sum(back, MlBuildTasks):0} ms restoring");
            if (round == 0)
                continue;
            mlBuildBuild.Add(trained.Elapsed.TotalSeconds);
            baselineBuild.Add(built.Elapsed.TotalSeconds);
            handWrittenRun.Add(ran.Elapsed.TotalSeconds);
            baselineTotal.Add(built.Elapsed.TotalSeconds + ran.Elapsed.TotalSeconds);
            worker.Add(train.TaskMs("RunWorker") / 1000);
            workerFit.Add(changedLock.TrainingSeconds);
            handWrittenFit.Add(HandWrittenFitSeconds(ran.Output));
            tunedRun.Add(tuned.Elapsed.TotalSeconds);
            tunedTotal.Add(built.Elapsed.TotalSeconds + tuned.Elapsed.TotalSeconds);
            restoreTasks.Add(Sum(back, MlBuildTasks));
            trainTasks.Add(Sum(train, MlBuildTasks));
            restoreTargets.Add(Sum(back, MlBuildTargets, target: true));
            trainTargets.Add(Sum(train, MlBuildTargets, target: true));
            restoreBuild.Add(restored.Elapsed.TotalSeconds);
            trainBuild.Add(trained.Elapsed.TotalSeconds);
            foreach (var task in MlBuildTasks)
            {
                taskTimes[task].Restore.Add(back.TaskMs(task));
                taskTimes[task].Train.Add(train.TaskMs(task));
            }
        }

        // Diagnostic, not measured: one more retraining build at detailed verbosity, in which the worker's own lines
        // arrive as it writes them, to show where its time goes.
        data.WriteTo(changed: true, _withMlBuild, _withMlNet);
        var timelineCache = workspace.PathOf("taxi", "empty-cache-timeline");
        var timeline = RequireTrained(workspace.Build(_withMlBuild, timelineCache, "-v:d"), "The detailed retraining build");
        Directory.Delete(timelineCache, recursive: true);
        var timelineFit = RegressionMetrics.FromLockFile(LockFile, Model).TrainingSeconds;

        retrain.Comparisons.Add(new Comparison("MlBuild retraining build / (build + hand-written program)", mlBuildBuild,
            baselineTotal, TargetKind.AtMost, 1.05));
        retrain.Comparisons.Add(new Comparison("MlBuild retraining build / (build + hand-written program with the worker's runtime settings)",
            mlBuildBuild, tunedTotal));
        retrain.Comparisons.Add(new Comparison("MlBuild's worker (RunWorker) / hand-written program", worker, handWrittenRun));
        retrain.Comparisons.Add(new Comparison("Fit in the worker / Fit in the hand-written program", workerFit, handWrittenFit));
        retrain.Notes.Add(RetrainNotes.Breakdown(mlBuildBuild, worker, workerFit, baselineBuild, handWrittenRun, handWrittenFit));
        retrain.Notes.Add(RetrainNotes.Timeline(timeline, Model, timelineFit));
        restore.Comparisons.Add(new Comparison("MlBuild tasks: restore / train", restoreTasks, trainTasks, TargetKind.AtMost, 0.03));
        restore.Comparisons.Add(new Comparison("MlBuild targets: restore / train", restoreTargets, trainTargets));
        restore.Comparisons.Add(new Comparison("whole dotnet build: restore / train", restoreBuild, trainBuild));

        DescribeRetrain(retrain, data, originalMetrics, originalHandWritten, changedLock!, changedHandWritten!, metricsAgreeEveryRound);
        DescribeRestore(restore, taskTimes);
        return [retrain, restore];
    }

    private string LockFile => Path.Combine(_withMlBuild, "mlbuild.lock.json");

    private ProcessResult BuildWithMlBuild(string cacheDirectory) =>
        workspace.Build(_withMlBuild, cacheDirectory, PerformanceSummaryArgument);

    /// <summary>Builds the hand-written program once, into the work folder, with the workspace's isolated packages.</summary>
    private string BuildHandWritten()
    {
        var project = Path.Combine(repositoryRoot, "tests", "MlBuild.Benchmarks", "HandWritten", "TaxiFareHandWritten.csproj");
        var output = workspace.PathOf("taxi", "handwritten");
        SetupCheck.Succeeded(workspace.Dotnet(repositoryRoot, _modelCache,
            ["build", project, "-c", "Release", "-o", output, "-nodeReuse:false", "-tl:off"]), "Building the hand-written program");
        return Path.Combine(output, "TaxiFareHandWritten.dll");
    }

    private (ProcessResult Result, RegressionMetrics Metrics) RunHandWritten(string dll,
        IReadOnlyDictionary<string, string>? runtimeSettings = null)
    {
        var data = Path.Combine(_withMlNet, "data");
        var result = SetupCheck.Succeeded(workspace.Dotnet(_withMlNet, _modelCache,
            [dll, Path.Combine(data, TaxiData.TrainFile), Path.Combine(data, TaxiData.TestFile),
             workspace.PathOf("taxi", "handwritten-model.zip")], runtimeSettings), "The hand-written program");
        return (result, RegressionMetrics.FromProgramOutput(result.Output));
    }

    // The hand-written program prints "fit in 1.234 s; …".
    private static double HandWrittenFitSeconds(string output)
    {
        var line = output.Split('\n').First(l => l.StartsWith("fit in ", StringComparison.Ordinal));
        return double.Parse(line["fit in ".Length..line.IndexOf(" s", StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static ProcessResult RequireTrained(ProcessResult build, string what) => SetupCheck.Trained(build, what, Model);

    private static ProcessResult RequireRestored(ProcessResult build, string what)
    {
        SetupCheck.Succeeded(build, what);
        SetupCheck.Require(BuildOutput.Restored(build.Output, Model) && !BuildOutput.MentionsTraining(build.Output),
            $"{what} did not restore {Model} from the cache.", build);
        return build;
    }

    private static double Sum(PerformanceSummary summary, IEnumerable<string> names, bool target = false) =>
        names.Sum(n => target ? summary.TargetMs(n) : summary.TaskMs(n));

    private static string Seconds(ProcessResult result) =>
        result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private void DescribeRetrain(ScenarioReport report, TaxiData data, RegressionMetrics originalLock,
        RegressionMetrics originalHandWritten, RegressionMetrics changedLock, RegressionMetrics changedHandWritten,
        bool agreeEveryRound)
    {
        report.Method.Add("Project: samples/TaxiFare's Program.cs and data (100,000 training and 100,000 test trips) with " +
                          "`<MlModel Include=\"TaxiFare\" Task=\"Regression\" Trainer=\"FastTree\" TrainData=\"data/train.csv\" " +
                          "TestData=\"data/test.csv\" LabelColumn=\"fare_amount\" />`.");
        report.Method.Add($"The change: {data.ChangeDescription}. Measured (A): write the changed train.csv, then " +
                          "`dotnet build -clp:PerformanceSummary` with an empty model cache (so that it trains; the cache " +
                          "entry it stores costs what it costs in a real build). The output must say \"Training TaxiFare\".");
        report.Method.Add("Baseline (B), right after A: `dotnet build -clp:PerformanceSummary` of the same project referencing " +
                          $"Microsoft.ML and Microsoft.ML.FastTree {ProjectFiles.MlNetVersion} instead of MlBuild (nothing to " +
                          "compile), then `dotnet TaxiFareHandWritten.dll` (tests/MlBuild.Benchmarks/HandWritten, built once " +
                          "beforehand in Release) on the same changed files: TextLoader, one-hot vendor_id and payment_type in " +
                          "place, Concatenate in column order, cache checkpoint, FastTree with NumberOfThreads = 1 and Seed = 42 " +
                          "on MLContext(seed: 42), evaluate on the test file, save the model: what the worker does.");
        report.Method.Add("Context (B′, right after B): the same hand-written program again with the runtime settings MlBuild's " +
                          "RunWorker gives the worker (" + string.Join(", ", WorkerRuntimeSettings.Select(s => $"{s.Key}={s.Value}")) +
                          "), to separate what MlBuild's worker does better from what those settings give any short ML.NET run.");
        report.Method.Add($"One warm-up round, then {options.RetrainRounds} rounds of A, B, B′ (and C, benchmark 4).");
        report.Notes.Add(RegressionMetrics.Table(
            $"Metrics on the changed data (last round; identical in every round, B′ included: {(agreeEveryRound ? "yes" : "**no**")}):",
            changedLock, changedHandWritten));
        report.Notes.Add(RegressionMetrics.Table("Metrics on the original data (setup):", originalLock, originalHandWritten));
    }

    private void DescribeRestore(ScenarioReport report, Dictionary<string, (List<double> Restore, List<double> Train)> taskTimes)
    {
        report.Method.Add("From the same rounds as benchmark 3. Train = build A (the changed row, an empty model cache: " +
                          "PlanTraining misses, RunWorker trains, CommitModel stores). Restore = build C right after B: the " +
                          "change reverted, so the fingerprint is the one trained during setup and the model cache holds it " +
                          "(PlanTraining finds and verifies it, CommitModel copies it). The output must say \"TaxiFare " +
                          "restored from cache\" and no \"Training\".");
        report.Method.Add("MlBuild's own time = the sum of its task times in `-clp:PerformanceSummary` (PlanTraining, " +
                          "RunWorker, CommitModel, WriteLockFile; CallTarget is left out because it contains RunWorker and " +
                          "CommitModel). The sum of its target times (_MlBuildPlan, _MlBuildTrainOneModel, " +
                          "_MlBuildWriteLockFile) and whole-build times are given for context.");
        var rows = string.Join('\n', MlBuildTasks.Select(t =>
            $"| {t} | {Statistics.Median(taskTimes[t].Restore):0} | {Statistics.Median(taskTimes[t].Train):0} |"));
        report.Notes.Add($"Median task times (ms):\n\n| task | restore | train |\n|---|---|---|\n{rows}");
    }
}
