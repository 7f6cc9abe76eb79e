using System.Diagnostics;
using MlBuild.Benchmarks;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Reporting;
using MlBuild.Benchmarks.Scenarios;

// Measures MlBuild against plain ML.NET and plain .NET builds and writes RESULTS.md. Run by build/bench.sh, which
// packs MlBuild into a temporary feed first: dotnet run -c Release --project tests/MlBuild.Benchmarks -- --feed DIR --work DIR
if (args.Length > 0 && args[0] == HashingScenario.ChildArgument)
    return HashingScenario.RunChild(args);

var repositoryRoot = RepositoryRoot.Path;
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args, repositoryRoot);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: --feed DIR --work DIR [--results FILE] [--rounds N] [--retrain-rounds N] [--evaluate-rounds N] " +
                            "[--data-mb N] [--scale-mb 100,1024] [--scale-rounds N] [--remote-rounds N] [--remote-memory-rounds N] [--remote-model-mb N] [--only noop,hash,retrain,evaluate,scale,remote] [--keep] [--load-before \"1.0 0.9 0.8\"] [--source \"commit abc1234\"]");
    return 2;
}

var started = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
var machine = MachineInfo.Collect(repositoryRoot);
var loadAtStart = MachineInfo.LoadAverage();
var source = options.Source ?? SourceDescription(repositoryRoot);
Console.WriteLine($"MlBuild benchmarks on {machine.Cores} cores, {machine.Memory}, load {loadAtStart}; work folder {options.Work}");

var reports = new List<ScenarioReport>();
string? abortReason = null;
string version = "?";
using (var workspace = new Workspace(options.Work, options.Feed, options.Keep))
{
    version = workspace.MlBuildVersion;
    try
    {
        if (options.Runs(BenchmarkOptions.NoOp) || options.Runs(BenchmarkOptions.Hash))
        {
            Console.WriteLine($"Generating {options.DataBytes / 1e9:0.00} GB of training data…");
            var data = LargeDataset.Generate(workspace.PathOf("data"), options.DataBytes);
            Console.WriteLine($"  {data.TrainBytes / 1e9:0.000} GB in {data.GenerationTime.TotalSeconds:0} s");
            if (options.Runs(BenchmarkOptions.NoOp))
            {
                Console.WriteLine("1. No-op build");
                reports.Add(new NoOpBuildScenario(workspace, data, options).Run());
            }
            if (options.Runs(BenchmarkOptions.Hash))
            {
                Console.WriteLine("2. Fingerprint hashing");
                reports.Add(new HashingScenario(data, options).Run());
            }
        }
        if (options.Runs(BenchmarkOptions.Retrain))
        {
            Console.WriteLine("3, 4. Retraining and restoring the taxi-fare model");
            reports.AddRange(new RetrainScenario(workspace, options, repositoryRoot).Run());
        }
        if (options.Runs(BenchmarkOptions.Evaluate))
        {
            Console.WriteLine("5. Evaluating the taxi-fare model");
            reports.Add(new EvaluateScenario(workspace, options, repositoryRoot).Run());
        }
        if (options.Runs(BenchmarkOptions.Scale))
        {
            Console.WriteLine($"6. MlBuild's data path at scale ({string.Join(", ", options.ScaleMegabytes.Select(mb => $"{mb} MB"))})");
            reports.AddRange(new ScaleScenario(workspace, options, repositoryRoot).Run());
        }
        if (options.Runs(BenchmarkOptions.Remote))
        {
            Console.WriteLine("7. The remote cache: restoring the taxi-fare model from a local nginx");
            reports.AddRange(new RemoteCacheScenario(workspace, options, repositoryRoot).Run());
            Console.WriteLine($"8. The remote cache: memory of a {options.RemoteModelMegabytes} MB model's upload and download");
            reports.Add(new RemoteTransferMemory(workspace, options).Run());
        }
    }
    catch (SetupCheckFailedException e)
    {
        abortReason = e.Message;
        Console.Error.WriteLine("ABORTED: " + e.Message);
    }
}

var run = new RunInfo(started, clock.Elapsed, version, source, machine,
    options.LoadBefore ?? "n/a", loadAtStart, MachineInfo.LoadAverage());
ResultsWriter.Write(options.Results, run, reports, abortReason);
Console.WriteLine($"Wrote {options.Results} ({clock.Elapsed.TotalMinutes:0.0} min)");
foreach (var report in reports)
    foreach (var comparison in report.Comparisons.Where(c => c.HasTarget))
        Console.WriteLine($"  {comparison.Verdict}  {comparison.Name}: {comparison.ValueText} (target {comparison.TargetText})");
return abortReason is null ? 0 : 1;

// Which sources were packed, when bench.sh did not say: the commit, and whether the working tree had changes
// (read-only git commands).
static string SourceDescription(string repositoryRoot)
{
    var none = new Dictionary<string, string?>();
    var head = ProcessRunner.Run("git", ["rev-parse", "--short", "HEAD"], repositoryRoot, none, TimeSpan.FromSeconds(30));
    var changes = ProcessRunner.Run("git", ["diff", "--quiet", "HEAD"], repositoryRoot, none, TimeSpan.FromSeconds(30));
    return head.Succeeded
        ? $"commit {head.Output.Trim()}{(changes.ExitCode == 1 ? " with uncommitted changes" : "")}"
        : "the working tree";
}
