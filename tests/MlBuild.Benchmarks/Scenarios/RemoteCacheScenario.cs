using System.Globalization;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;
using MlBuild.TestSupport.RemoteCaches;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 7, the remote cache, on the real taxi-fare model and a local nginx (WebDAV PUT) that a setup build
/// filled. Each round, back to back, with a fresh local model cache and the model's output deleted where it says so:
/// (A) no remote, empty local cache: the build trains;
/// (B) the remote holds the model, empty local cache: the build restores it from the remote;
/// (C) a reachable remote that lacks the model (a prefix nothing was written to), empty local cache: the build asks,
///     misses and trains;
/// (D, E) the model up to date, with the remote configured and without, in alternating order.
/// (A4, C4) A and C for a project of four models, whose misses are asked of the remote at once.
/// Targets: B's MlBuild task time / A's ≤ 0.05; C4's PlanTraining − A4's (the lookups of misses), per model, ≤ 50 ms;
/// D / E whole build ≤ 1.02, and D makes no request (nginx's access log does not grow).
/// </summary>
internal sealed class RemoteCacheScenario(Workspace workspace, BenchmarkOptions options, string repositoryRoot)
{
    private const string Model = ProjectFiles.TaxiFareModel;
    private const string PerformanceSummaryArgument = "-clp:PerformanceSummary";

    // Every task of MlBuild's that can run in a training build: a restore from the remote spends its time in
    // PlanTraining (the download) and CommitModel, a training build in RunWorker.
    private static readonly string[] MlBuildTasks =
        ["PlanTraining", "RunWorker", "CommitModel", "PushToRemoteCache", "WriteLockFile", "TrimModelCache"];

    // The cold miss of several models at once: four models over the same data (a quick trainer: what is measured is
    // PlanTraining's lookups, not the training), asked of the remote concurrently.
    private const int ManyModels = 4;
    private static readonly string[] ManyModelNames = Enumerable.Range(1, ManyModels).Select(i => $"Fare{i}").ToArray();
    private static readonly string ManyItems = string.Join('\n', ManyModelNames.Select(name =>
        $"""    <MlModel Include="{name}" Task="Regression" Trainer="OnlineGradientDescent" TrainData="data/train.csv" TestData="data/test.csv" LabelColumn="fare_amount" />"""));

    private readonly string _project = workspace.PathOf("remote", "TaxiFare");
    private readonly string _manyProject = workspace.PathOf("remote", "Fares");
    private readonly string _localCache = workspace.PathOf("remote", "model-cache");

    public IReadOnlyList<ScenarioReport> Run()
    {
        var report = new ScenarioReport("The remote cache: restoring the taxi-fare model from a local nginx");
        SetupCheck.Require(NginxCacheServer.IsInstalled, $"nginx is not installed ({NginxCacheServer.Executable}): apt-get install nginx (.ci/run does).");
        using var nginx = NginxCacheServer.Start();
        var data = TaxiData.Load(Path.Combine(repositoryRoot, "samples", "TaxiFare", "data"));
        var program = File.ReadAllText(Path.Combine(repositoryRoot, "samples", "TaxiFare", "Program.cs"));
        ProjectFiles.Write(_project, Model, ProjectFiles.WithMlBuild(workspace.MlBuildVersion, ProjectFiles.TaxiFareItem), program);
        data.WriteTo(changed: false, _project);
        ProjectFiles.Write(_manyProject, "Fares", ProjectFiles.WithMlBuild(workspace.MlBuildVersion, ManyItems), program);
        data.WriteTo(changed: false, _manyProject);

        Console.WriteLine($"  setup: training and uploading to {nginx.Url}…");
        var setup = Build(_localCache, new() { ["MLBUILD_REMOTE_CACHE"] = nginx.Url, ["MLBUILD_REMOTE_CACHE_WRITE"] = "true" });
        RequireTrained(setup, "The setup build");
        SetupCheck.Require(nginx.AccessLog.Any(l => l.StartsWith("PUT /cache/ac/", StringComparison.Ordinal)),
            "The setup build did not upload the model's manifest to nginx.", setup);
        var model = new FileInfo(ModelFile);
        SetupCheck.Require(model.Exists, $"The setup build wrote no {model.FullName}.", setup);
        var modelBytes = model.Length;

        var trainTasks = report.AddSamples("A. no remote, empty local cache (trains): MlBuild tasks", "ms");
        var restoreTasks = report.AddSamples("B. restored from the remote: MlBuild tasks", "ms");
        var trainBuild = report.AddSamples("A. no remote, empty local cache (trains): whole dotnet build", "s");
        var restoreBuild = report.AddSamples("B. restored from the remote: whole dotnet build", "s");
        var trainPlan = report.AddSamples("A. no remote: PlanTraining (a local miss)", "ms");
        var missPlan = report.AddSamples("C. remote lacks the model: PlanTraining (a local miss, then a remote miss)", "ms");
        var manyTrainPlan = report.AddSamples($"A4. {ManyModels} models, no remote: PlanTraining (local misses)", "ms");
        var manyMissPlan = report.AddSamples($"C4. {ManyModels} models, remote lacks them: PlanTraining (local, then remote misses)", "ms");
        var upToDateWith = report.AddSamples("D. up to date, remote configured: whole dotnet build", "s");
        var upToDateWithout = report.AddSamples("E. up to date, no remote: whole dotnet build", "s");
        var requestsWhileUpToDate = 0;
        var taskTimes = MlBuildTasks.ToDictionary(t => t, _ => (Train: new List<double>(), Restore: new List<double>(), Miss: new List<double>()));

        for (var round = 0; round <= options.RemoteRounds; round++)
        {
            var trained = RequireTrained(Build(FreshCache(round, "train"), []), "A build without a remote and an empty cache");
            var restored = RequireRestoredFromRemote(Build(FreshCache(round, "restore"), new() { ["MLBUILD_REMOTE_CACHE"] = nginx.Url }),
                "A build with the filled remote and an empty cache");
            var missed = RequireTrained(Build(FreshCache(round, "miss"), new() { ["MLBUILD_REMOTE_CACHE"] = $"{nginx.Url}empty-{round}/" }),
                "A build with a remote that lacks the model and an empty cache");

            var manyTrained = SetupCheck.Trained(BuildMany(round, "train", null), "A build of four models without a remote", ManyModelNames);
            var manyMissed = SetupCheck.Trained(BuildMany(round, "miss", $"{nginx.Url}empty-many-{round}/"),
                "A build of four models with a remote that lacks them", ManyModelNames);

            // D and E, twice each, in alternating order: the up-to-date build is short and its noise large.
            var (withRemote, withoutRemote) = (new List<double>(), new List<double>());
            for (var pair = 0; pair < 2; pair++)
            {
                var remoteFirst = (round + pair) % 2 == 0;
                for (var i = 0; i < 2; i++)
                {
                    var configured = remoteFirst == (i == 0);
                    var requestsBefore = nginx.AccessLog.Count;
                    var build = RequireUpToDate(Build(_localCache, configured ? new() { ["MLBUILD_REMOTE_CACHE"] = nginx.Url } : []));
                    if (configured)
                        requestsWhileUpToDate += nginx.AccessLog.Count - requestsBefore;
                    (configured ? withRemote : withoutRemote).Add(build.Elapsed.TotalSeconds);
                }
            }

            var (train, back, miss) = (PerformanceSummary.Parse(trained.Output), PerformanceSummary.Parse(restored.Output),
                PerformanceSummary.Parse(missed.Output));
            var (manyTrain, manyMiss) = (PerformanceSummary.Parse(manyTrained.Output), PerformanceSummary.Parse(manyMissed.Output));
            foreach (var task in MlBuildTasks)
            {
                taskTimes[task].Train.Add(train.TaskMs(task));
                taskTimes[task].Restore.Add(back.TaskMs(task));
                taskTimes[task].Miss.Add(miss.TaskMs(task));
            }
            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : "")}: train {Seconds(trained)} ({Sum(train):0} ms in MlBuild's tasks), " +
                              $"remote restore {Seconds(restored)} ({Sum(back):0} ms), remote miss PlanTraining {miss.TaskMs("PlanTraining"):0} ms " +
                              $"vs {train.TaskMs("PlanTraining"):0} ms ({ManyModels} models: {manyMiss.TaskMs("PlanTraining"):0} vs " +
                              $"{manyTrain.TaskMs("PlanTraining"):0} ms), up to date {string.Join(" ", withRemote.Select(Format))} s with the remote, " +
                              $"{string.Join(" ", withoutRemote.Select(Format))} s without");
            if (round == 0)
                continue;
            trainTasks.Add(Sum(train));
            restoreTasks.Add(Sum(back));
            trainBuild.Add(trained.Elapsed.TotalSeconds);
            restoreBuild.Add(restored.Elapsed.TotalSeconds);
            trainPlan.Add(train.TaskMs("PlanTraining"));
            missPlan.Add(miss.TaskMs("PlanTraining"));
            manyTrainPlan.Add(manyTrain.TaskMs("PlanTraining") / ManyModels);
            manyMissPlan.Add(manyMiss.TaskMs("PlanTraining") / ManyModels);
            withRemote.ForEach(upToDateWith.Add);
            withoutRemote.ForEach(upToDateWithout.Add);
        }

        report.Comparisons.Add(new Comparison("MlBuild tasks: restore from the remote / train", restoreTasks, trainTasks,
            TargetKind.AtMost, 0.05));
        report.Comparisons.Add(new Comparison("whole dotnet build: restore from the remote / train", restoreBuild, trainBuild));
        report.Comparisons.Add(new Comparison($"cold miss per model: PlanTraining with a remote that lacks them − without a remote, / {ManyModels} ({ManyModels} models)",
            manyMissPlan, manyTrainPlan, TargetKind.AtMost, 50, Difference: true));
        report.Comparisons.Add(new Comparison("cold miss of a project's only model: PlanTraining with a remote that lacks it − without a remote (the build's first request included)",
            missPlan, trainPlan, Difference: true));
        report.Comparisons.Add(new Comparison("up-to-date build: remote configured / no remote", upToDateWith, upToDateWithout,
            TargetKind.AtMost, 1.02));
        Describe(report, modelBytes, requestsWhileUpToDate);
        var rows = string.Join('\n', MlBuildTasks.Select(t =>
            $"| {t} | {Statistics.Median(taskTimes[t].Train):0} | {Statistics.Median(taskTimes[t].Restore):0} | {Statistics.Median(taskTimes[t].Miss):0} |"));
        report.Notes.Add($"Median task times of the one-model project (ms, warm-up round included):\n\n| task | A. trains, no remote | B. restored from the remote | C. remote miss, trains |\n|---|---|---|---|\n{rows}");
        return [report];
    }

    /// <summary>An empty model cache for this build, with the model's output deleted so that it is not up to date.</summary>
    private string FreshCache(int round, string variant)
    {
        File.Delete(ModelFile);
        var directory = workspace.PathOf("remote", $"cache-{variant}-{round}");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        return directory;
    }

    private string ModelFile => Path.Combine(_project, "bin", "Debug", "net10.0", Model + ".zip");

    private ProcessResult Build(string cacheDirectory, Dictionary<string, string> remote) => Build(_project, cacheDirectory, remote);

    private ProcessResult Build(string project, string cacheDirectory, Dictionary<string, string> remote) =>
        workspace.Dotnet(project, cacheDirectory, ["build", "-nodeReuse:false", "-tl:off", PerformanceSummaryArgument], remote);

    /// <summary>A build of the four-model project with an empty cache and no outputs, with a remote or without.</summary>
    private ProcessResult BuildMany(int round, string variant, string? remote)
    {
        var cache = workspace.PathOf("remote", $"cache-many-{variant}-{round}");
        foreach (var output in ManyModelNames.Select(name => Path.Combine(_manyProject, "bin", "Debug", "net10.0", name + ".zip")))
            if (File.Exists(output))
                File.Delete(output);
        return Build(_manyProject, cache, remote is null ? [] : new() { ["MLBUILD_REMOTE_CACHE"] = remote });
    }

    private static ProcessResult RequireTrained(ProcessResult build, string what) => SetupCheck.Trained(build, what, Model);

    private static ProcessResult RequireRestoredFromRemote(ProcessResult build, string what)
    {
        SetupCheck.Succeeded(build, what);
        SetupCheck.Require(BuildOutput.RestoredFromRemote(build.Output, Model) && !BuildOutput.MentionsTraining(build.Output),
            $"{what} did not restore {Model} from the remote cache.", build);
        return build;
    }

    private static ProcessResult RequireUpToDate(ProcessResult build)
    {
        SetupCheck.Succeeded(build, "An up-to-date build");
        SetupCheck.Require(BuildOutput.UpToDate(build.Output, Model) && !BuildOutput.MentionsTraining(build.Output),
            $"An up-to-date build did not say \"{Model} is up to date\".", build);
        return build;
    }

    private static double Sum(PerformanceSummary summary) => MlBuildTasks.Sum(summary.TaskMs);

    private static string Format(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Seconds(ProcessResult result) => Format(result.Elapsed.TotalSeconds) + " s";

    private void Describe(ScenarioReport report, long modelBytes, int requestsWhileUpToDate)
    {
        report.Method.Add("Project: samples/TaxiFare's Program.cs and data with the FastTree MlModel of benchmark 3; the remote " +
                          "is nginx (Debian's package, WebDAV PUT, `client_max_body_size 0`) on 127.0.0.1, the server the " +
                          "integration tests use, set as `MLBUILD_REMOTE_CACHE` as CI sets it. A setup build trained the model " +
                          $"and uploaded it (`MLBUILD_REMOTE_CACHE_WRITE=true`); its model file is {modelBytes / 1e6:0.0} MB.");
        report.Method.Add($"One warm-up round, then {options.RemoteRounds} rounds of: (A) `dotnet build -clp:PerformanceSummary` " +
                          "with no remote and an empty model cache (must say \"Training TaxiFare\"); (B) the same with the remote, " +
                          "another empty model cache (must say \"TaxiFare restored from remote cache\" and no \"Training\"); (C) " +
                          "the same with a remote address nothing was written to (`…/empty-N/`), another empty model cache: " +
                          "PlanTraining asks nginx, gets 404 and the build trains; (D, E) two pairs of up-to-date builds with " +
                          "and without the remote, alternating which goes first.");
        report.Method.Add("MlBuild's task time = the sum of PlanTraining, RunWorker, CommitModel, PushToRemoteCache, WriteLockFile " +
                          "and TrimModelCache in the performance summary (0 for a task that did not run). The cold miss is " +
                          "PlanTraining's time in C minus that in A: both miss the local cache; C also asks the remote. Per model, it " +
                          $"is the same for a project of {ManyModels} models over the same data (Fare1…Fare{ManyModels}, " +
                          "OnlineGradientDescent), divided by " + ManyModels + ": its lookups run concurrently, and the first " +
                          "request of a process (the .NET HTTP stack's own start) is paid once per build, not once per model.");
        report.Notes.Add($"Requests nginx logged during the {2 * options.RemoteRounds + 2} up-to-date builds with the remote " +
                         $"configured (warm-up included): **{requestsWhileUpToDate}** (an up-to-date model asks nothing).");
    }
}
