using System.Diagnostics;
using System.Globalization;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 6, MlBuild's data path at scale: for each generated CSV size (about 100 MB and 1 GB by default) and for
/// two regression trainers (OnlineGradientDescent, and the default FastTree), in interleaved rounds:
/// (A) <c>dotnet build</c> of a project with one MlModel over the CSV (TestFraction 0.2), its model deleted and the
///     model cache empty, so that it trains; then (A′) the same project's no-op build right after;
/// (B) the hand-written ML.NET program (HandWrittenScale/) doing the same pipeline on the same file.
/// Targets: (A − A′) / B ≤ 1.15 at 1 GB; the worker's peak resident memory at most 300 MB above the hand-written
/// program's at every size; the same metrics (≤ 1e-6 relative). Then <see cref="ScaleEvaluation"/> evaluates the
/// largest default model.
/// </summary>
internal sealed class ScaleScenario(Workspace workspace, BenchmarkOptions options, string repositoryRoot)
{
    public const double TimeTarget = 1.15;
    public const double MemoryTargetMegabytes = 300;
    public const double MetricsTolerance = 1e-6;
    /// <summary>The time target holds from this size on ("at 1 GB"); smaller sizes are reported for context.</summary>
    public const int TimeTargetFromMegabytes = 1024;
    internal const string WorkerDll = "MlBuild.Worker.dll";
    private const string PerformanceSummaryArgument = "-clp:PerformanceSummary";
    internal static readonly TimeSpan Timeout = TimeSpan.FromMinutes(90);

    // The hand-written program's trainer argument, and whether the MlModel item leaves the trainer to its default.
    private static readonly (string Trainer, bool IsDefault)[] Trainers = [("OnlineGradientDescent", false), ("FastTree", true)];

    public IReadOnlyList<ScenarioReport> Run()
    {
        var summary = new ScenarioReport("MlBuild's data path at scale: summary");
        var reports = new List<ScenarioReport> { summary };
        var handWritten = BuildHandWritten();
        var cases = new List<ScaleCase>();
        var generation = new List<string>();
        var timelines = new List<string>();
        foreach (var megabytes in options.ScaleMegabytes)
        {
            var report = new ScenarioReport($"MlBuild's data path at scale: training from {megabytes} MB");
            reports.Add(report);
            var data = Generate(megabytes, generation);
            var sizeCases = Trainers.Where(t => options.ScaleTrainers.Contains(t.Trainer)).Select(t => CreateProject(report, megabytes, t.Trainer, t.IsDefault, data)).ToList();
            cases.AddRange(sizeCases);
            ProcessResult? lastBuild = null;
            for (var round = 0; round < options.ScaleRounds; round++)
                for (var i = 0; i < sizeCases.Count; i++)
                {
                    var c = sizeCases[i];
                    // A and B alternate which goes first, so that neither always follows the other's page-cache state.
                    if ((round + i) % 2 == 0)
                    {
                        lastBuild = MeasureMlBuild(c, round);
                        MeasureHandWritten(c, handWritten, data);
                    }
                    else
                    {
                        MeasureHandWritten(c, handWritten, data);
                        lastBuild = MeasureMlBuild(c, round);
                    }
                    Console.WriteLine($"  {megabytes} MB, {c.Label}, round {round + 1}: build {c.Build.Values[^1]:0.0} s − no-op " +
                                      $"{c.NoOp.Values[^1]:0.0} s vs hand-written {c.HandWritten.Values[^1]:0.0} s; peak RSS worker " +
                                      $"{c.WorkerPeak.Values[^1]:0} MB, build {c.BuildPeak.Values[^1]:0} MB, hand-written " +
                                      $"{c.HandWrittenPeak.Values[^1]:0} MB; metrics max relative difference {c.WorstRelativeDifference:G3}");
                }
            foreach (var c in sizeCases)
                AddComparisons(report, c);
            ScaleNotes.DescribeTraining(report, megabytes, sizeCases, options.ScaleRounds);
            if (lastBuild is not null)
                timelines.Add(ScaleNotes.Timeline($"{megabytes} MB, {sizeCases[^1].Label}, last round", lastBuild));
        }

        var largest = cases.LastOrDefault(c => c.IsDefault && c.Megabytes == cases[^1].Megabytes) ?? cases[^1];
        var evaluation = new ScaleEvaluation(workspace, options, largest, handWritten, DataFileOf(largest.Megabytes)).Run();
        reports.Add(evaluation.Report);
        ScaleNotes.DescribeSummary(summary, cases, evaluation, generation, options.ScaleRounds);
        foreach (var timeline in timelines)
            summary.Notes.Add(timeline);
        return reports;
    }

    private string DataFileOf(int megabytes) => workspace.PathOf("scale", "data", $"scale-{megabytes}mb.csv");

    /// <summary>The CSV of one size, generated once into the work folder (never committed) from a fixed seed.</summary>
    private string Generate(int megabytes, List<string> generation)
    {
        var file = DataFileOf(megabytes);
        Console.WriteLine($"  generating {megabytes} MB of CSV…");
        var clock = Stopwatch.StartNew();
        SyntheticData.Write(file, seed: 10_000 + megabytes, minimumBytes: megabytes * 1024L * 1024L);
        var rows = CountLines(file) - 1;
        generation.Add($"{megabytes} MB: {new FileInfo(file).Length / 1e6:0.0} MB written (10⁶ bytes), {rows:N0} rows, " +
                       $"in {clock.Elapsed.TotalSeconds:0} s (seed {10_000 + megabytes})");
        return file;
    }

    private static long CountLines(string file)
    {
        long lines = 0;
        var buffer = new byte[1 << 20];
        using var stream = File.OpenRead(file);
        for (int read; (read = stream.Read(buffer)) > 0;)
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return lines;
    }

    /// <summary>A fresh project over a hard link of the CSV, restored and compiled once (without training, which
    /// MlBuildTrainOnBuild=false skips), so that every measured build compiles nothing.</summary>
    private ScaleCase CreateProject(ScenarioReport report, int megabytes, string trainer, bool isDefault, string data)
    {
        var directory = workspace.PathOf("scale", $"{megabytes}mb-{(isDefault ? "default" : trainer)}");
        var c = new ScaleCase(report, directory, megabytes, trainer, isDefault);
        ProjectFiles.Write(directory, ScaleCase.Model, ProjectFiles.WithMlBuild(workspace.MlBuildVersion, c.Item),
            "Console.WriteLine(\"MlBuild scale benchmark\");\n");
        FileLinks.HardLinkOrCopy(data, c.DataFile);
        var setup = Build(c, workspace.PathOf("scale", "setup-cache"), null, "-p:MlBuildTrainOnBuild=false");
        SetupCheck.Succeeded(setup, $"Restoring and compiling the {megabytes} MB {c.Label} project");
        SetupCheck.Require(!BuildOutput.MentionsTraining(setup.Output), "The setup build (MlBuildTrainOnBuild=false) trained.", setup);
        return c;
    }

    /// <summary>A: the model deleted and an empty cache, so the build trains; then A′, the no-op build right after.</summary>
    private ProcessResult MeasureMlBuild(ScaleCase c, int round)
    {
        File.Delete(c.ModelFile);
        var cache = workspace.PathOf("scale", $"cache-{Path.GetFileName(c.Directory)}-{round}");
        ProcessResult trained;
        using (var memory = new ProcessTreeMemory())
        {
            trained = Build(c, cache, memory, PerformanceSummaryArgument);
            memory.Dispose();
            SetupCheck.Succeeded(trained, $"The training build of the {c.Megabytes} MB {c.Label} project");
            SetupCheck.Require(BuildOutput.Trained(trained.Output, ScaleCase.Model),
                $"The training build of the {c.Megabytes} MB {c.Label} project did not train.", trained);
            SetupCheck.Require(memory.Saw(WorkerDll), $"No {WorkerDll} process was seen during the training build.", trained);
            c.WorkerPeak.Add(memory.PeakMegabytesOf(WorkerDll));
            c.BuildPeak.Add(memory.TreePeakMegabytes);
        }
        var noOp = Build(c, cache, null);
        SetupCheck.Succeeded(noOp, $"The no-op build of the {c.Megabytes} MB {c.Label} project");
        SetupCheck.Require(BuildOutput.UpToDate(noOp.Output, ScaleCase.Model) && !BuildOutput.MentionsTraining(noOp.Output),
            $"The build after training the {c.Megabytes} MB {c.Label} project did not find it up to date.", noOp);
        Directory.Delete(cache, recursive: true);

        var locked = RegressionMetrics.FromLockFile(c.LockFile, ScaleCase.Model);
        c.Build.Add(trained.Elapsed.TotalSeconds);
        c.NoOp.Add(noOp.Elapsed.TotalSeconds);
        c.BuildMinusNoOp.Add(trained.Elapsed.TotalSeconds - noOp.Elapsed.TotalSeconds);
        c.Worker.Add(PerformanceSummary.Parse(trained.Output).TaskMs("RunWorker") / 1000);
        c.WorkerFit.Add(locked.TrainingSeconds);
        Agree(c, mlBuild: locked, handWritten: null);
        return trained;
    }

    /// <summary>B: the hand-written program on the same file (the original, of which the project's is a hard link).</summary>
    private void MeasureHandWritten(ScaleCase c, string dll, string data)
    {
        ProcessResult ran;
        using (var memory = new ProcessTreeMemory())
        {
            ran = workspace.Dotnet(c.Directory, workspace.PathOf("scale", "setup-cache"),
                ["exec", dll, "train", data, c.Trainer, workspace.PathOf("scale", $"handwritten-{Path.GetFileName(c.Directory)}.zip")],
                timeout: Timeout, started: memory.Start);
            memory.Dispose();
            SetupCheck.Succeeded(ran, $"The hand-written program ({c.Megabytes} MB, {c.Trainer})");
            c.HandWrittenPeak.Add(memory.RootPeakMegabytes);
        }
        c.HandWritten.Add(ran.Elapsed.TotalSeconds);
        c.HandWrittenFit.Add(FitSeconds(ran.Output));
        Agree(c, mlBuild: null, handWritten: RegressionMetrics.FromProgramOutput(ran.Output));
    }

    /// <summary>Records one side's metrics of this round and compares them with the other side's latest.</summary>
    private static void Agree(ScaleCase c, RegressionMetrics? mlBuild, RegressionMetrics? handWritten)
    {
        if (mlBuild is not null)
        {
            c.SameEveryRound &= c.MlBuildMetrics is null || mlBuild.SameAs(c.MlBuildMetrics);
            c.MlBuildMetrics = mlBuild;
        }
        if (handWritten is not null)
        {
            c.SameEveryRound &= c.HandWrittenMetrics is null || handWritten.SameAs(c.HandWrittenMetrics);
            c.HandWrittenMetrics = handWritten;
        }
        if (c.MlBuildMetrics is not null && c.HandWrittenMetrics is not null)
        {
            var difference = c.MlBuildMetrics.MaxRelativeDifference(c.HandWrittenMetrics);
            c.WorstRelativeDifference = double.IsNaN(difference) || double.IsNaN(c.WorstRelativeDifference)
                ? double.NaN : Math.Max(c.WorstRelativeDifference, difference);
        }
    }

    private void AddComparisons(ScenarioReport report, ScaleCase c)
    {
        var name = $"{c.Megabytes} MB, {c.Label}";
        report.Comparisons.Add(c.Megabytes >= TimeTargetFromMegabytes
            ? new Comparison($"{name}: (MlBuild build − no-op) / hand-written", c.BuildMinusNoOp, c.HandWritten, TargetKind.AtMost, TimeTarget)
            : new Comparison($"{name}: (MlBuild build − no-op) / hand-written (target at ≥ {TimeTargetFromMegabytes} MB)",
                c.BuildMinusNoOp, c.HandWritten));
        report.Comparisons.Add(new Comparison($"{name}: peak RSS, worker − hand-written", c.WorkerPeak, c.HandWrittenPeak,
            TargetKind.AtMost, MemoryTargetMegabytes, Difference: true));
        report.Comparisons.Add(new Comparison($"{name}: peak RSS, whole build − hand-written", c.BuildPeak, c.HandWrittenPeak,
            Difference: true));
        report.Comparisons.Add(new Comparison($"{name}: MlBuild's worker (RunWorker) / hand-written", c.Worker, c.HandWritten));
        report.Comparisons.Add(new Comparison($"{name}: Fit in the worker / Fit in the hand-written program", c.WorkerFit, c.HandWrittenFit));
    }

    private ProcessResult Build(ScaleCase c, string cache, ProcessTreeMemory? memory, params string[] extraArguments) =>
        workspace.Dotnet(c.Directory, cache, ["build", "-nodeReuse:false", "-tl:off", .. extraArguments],
            timeout: Timeout, started: memory is null ? null : memory.Start);

    /// <summary>Builds the hand-written program once, into the work folder, with the workspace's isolated packages.</summary>
    private string BuildHandWritten()
    {
        var project = Path.Combine(repositoryRoot, "tests", "MlBuild.Benchmarks", "HandWrittenScale", "ScaleHandWritten.csproj");
        var output = workspace.PathOf("scale", "handwritten");
        SetupCheck.Succeeded(workspace.Dotnet(repositoryRoot, workspace.PathOf("scale", "setup-cache"),
            ["build", project, "-c", "Release", "-o", output, "-nodeReuse:false", "-tl:off"]), "Building the hand-written scale program");
        return Path.Combine(output, "ScaleHandWritten.dll");
    }

    // The hand-written program prints "fit in 1.234 s".
    private static double FitSeconds(string output)
    {
        var line = output.Split('\n').First(l => l.StartsWith("fit in ", StringComparison.Ordinal));
        return double.Parse(line["fit in ".Length..line.IndexOf(" s", StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }
}
