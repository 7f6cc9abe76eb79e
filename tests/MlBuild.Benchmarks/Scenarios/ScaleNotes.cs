using System.Globalization;
using System.Text;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>The method and the tables of benchmark 6 (<see cref="ScaleScenario"/>, <see cref="ScaleEvaluation"/>).</summary>
internal static class ScaleNotes
{
    private const int TimelineLines = 40;

    public static void DescribeSummary(ScenarioReport summary, IReadOnlyList<ScaleCase> cases, ScaleEvaluation evaluation,
        IReadOnlyList<string> generation, int rounds)
    {
        summary.Method.Add("Data (generated into the work folder by the benchmark, never committed): one CSV per size of " +
                           "x1…x8 and y (Data/SyntheticData.cs: uniform features in [−100, 100), y linear in them plus " +
                           "Gaussian noise, every value written with \"R\"), from a fixed seed per size. " + string.Join("; ", generation) + ".");
        summary.Method.Add("Per size and trainer, a fresh project referencing the packed MlBuild with one item " +
                           "`<MlModel Include=\"Scale\" Task=\"Regression\" [Trainer=\"OnlineGradientDescent\"] " +
                           "TrainData=\"data/scale.csv\" LabelColumn=\"y\" TestFraction=\"0.2\" />` (no Trainer: the default, " +
                           "FastTree), over a hard link of the CSV. One CSV with a seeded split is what the hand-written " +
                           "program can do identically: ML.NET's TrainTestSplit(0.2, seed 42) of the same rows, in the worker and " +
                           "by hand alike.");
        summary.Method.Add("The hand-written program (tests/MlBuild.Benchmarks/HandWrittenScale, built once in Release, run as " +
                           "`dotnet exec ScaleHandWritten.dll train <csv> <trainer> <model.zip>`) is MlBuild's declarative pipeline " +
                           "written by hand: TextLoader (x1…x8, y as Single), TrainTestSplit(0.2, seed 42), Concatenate(\"Features\", " +
                           "x1…x8), NormalizeMinMax for OnlineGradientDescent only, AppendCacheCheckpoint, the trainer with the " +
                           "worker's determinism settings (FastTree: NumberOfThreads = 1, Seed = 42), MLContext(seed: 42), " +
                           "Regression.Evaluate on the test part, the model saved.");
        summary.Method.Add($"Rounds: {rounds} per size, no warm-up round (a round at 1 GB takes minutes; a setup build restored and " +
                           "compiled every project beforehand, with MlBuildTrainOnBuild=false). In each round, for each trainer, " +
                           "the MlBuild pair (training build, no-op build) and the hand-written program run back to back, " +
                           "alternating which goes first.");
        summary.Method.Add("Peak memory: the benchmark reads /proc every 100 ms for the started process and every process below " +
                           "it. The worker's and the hand-written program's figures are their own VmHWM (the kernel's peak " +
                           "resident set of the process, exact as long as it is read before the process exits); the whole build's " +
                           "is the largest sum of VmRSS over its processes (dotnet build, MSBuild nodes, the worker) at one sample. " +
                           "The memory target is held against the worker, the process that does the hand-written program's work.");

        var md = new StringBuilder();
        md.AppendLine("The figures of issue 10 (medians; misses are marked, never left out):").AppendLine();
        md.AppendLine("| size | trainer | (build − no-op) / hand-written | target | peak RSS worker − hand-written | target | " +
                      "peak RSS whole build − hand-written | metrics, max relative difference | target |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var time = new Comparison("", c.BuildMinusNoOp, c.HandWritten);
            var memory = c.WorkerPeak.Median - c.HandWrittenPeak.Median;
            var timeVerdict = c.Megabytes >= ScaleScenario.TimeTargetFromMegabytes
                ? $"≤ {ScaleScenario.TimeTarget:0.00}: **{(time.Ratio <= ScaleScenario.TimeTarget ? "PASS" : "MISS")}**"
                : "(context)";
            md.AppendLine($"| {c.Megabytes} MB | {c.Label} | {time.Ratio:0.000} ({c.BuildMinusNoOp.Median:0.0} s / " +
                          $"{c.HandWritten.Median:0.0} s) | {timeVerdict} | {memory:+0;−0;0} MB ({c.WorkerPeak.Median:0} / " +
                          $"{c.HandWrittenPeak.Median:0}) | ≤ {ScaleScenario.MemoryTargetMegabytes:0} MB: " +
                          $"**{(memory <= ScaleScenario.MemoryTargetMegabytes ? "PASS" : "MISS")}** | " +
                          $"{c.BuildPeak.Median - c.HandWrittenPeak.Median:+0;−0;0} MB ({c.BuildPeak.Median:0}) | " +
                          $"{Relative(c.WorstRelativeDifference)}{(c.SameEveryRound ? "" : " (varied between rounds)")} | " +
                          $"{MetricsVerdict(c.WorstRelativeDifference)} |");
        }
        if (evaluation.Primary is { } e)
            md.AppendLine($"| {evaluation.Model.Megabytes} MB | Evaluate, default (FastTree): (Evaluate − no-op) / hand-written | " +
                          $"{e.Ratio:0.000} ({e.Measured.Median:0.0} s / {e.Baseline.Median:0.0} s) | ≤ {ScaleEvaluation.Target:0.00}: " +
                          $"**{e.Verdict}** | | | | {Relative(evaluation.WorstRelativeDifference)}" +
                          $"{(evaluation.SameEveryRound ? "" : " (varied between rounds)")} | {MetricsVerdict(evaluation.WorstRelativeDifference)} |");
        summary.Notes.Add(md.ToString().TrimEnd());
    }

    public static void DescribeTraining(ScenarioReport report, int megabytes, IReadOnlyList<ScaleCase> cases, int rounds)
    {
        report.Method.Add($"Measured (A), per trainer: delete bin/Debug/net10.0/Scale.zip, then `dotnet build -clp:PerformanceSummary` " +
                          "with an empty model cache (MLBUILD_CACHE_DIR), so that it trains (the output must say \"Training " +
                          "Scale…\"): plan, one worker that reads, checks, profiles and splits the CSV and trains, evaluates, " +
                          "commits and caches. Right after (A′), `dotnet build` again: the model is up to date (the output must say " +
                          "so). A − A′ is what training costs in the build, without what any build of the project costs.");
        report.Method.Add($"Baseline (B): `dotnet exec ScaleHandWritten.dll train <the same {megabytes} MB file> <trainer> <model.zip>`.");
        report.Method.Add($"{rounds} rounds. The worker's time is RunWorker's task time. Fit is the lock file's trainingSeconds on " +
                          "MlBuild's side and the program's own clock around Fit on the other: on both, Fit fills ML.NET's cache " +
                          "from the file (MlBuild's streaming view, or TextLoader) before the trainer runs.");
        foreach (var c in cases)
            if (c.MlBuildMetrics is not null && c.HandWrittenMetrics is not null)
                report.Notes.Add(RegressionMetrics.Table(
                    $"{megabytes} MB, {c.Label}: metrics on the test part (last round; max relative difference " +
                    $"{Relative(c.WorstRelativeDifference)}, target ≤ {ScaleScenario.MetricsTolerance:G1}: " +
                    $"**{MetricsVerdict(c.WorstRelativeDifference)}**; the same in every round: {(c.SameEveryRound ? "yes" : "**no**")}):",
                    c.MlBuildMetrics, c.HandWrittenMetrics));
    }

    public static void DescribeEvaluation(ScaleEvaluation evaluation, ScaleCase model, int resamples, int rounds)
    {
        var report = evaluation.Report;
        report.Method.Add($"The model: the {model.Megabytes} MB default (FastTree) project's, up to date after its training rounds. " +
                          "The work folder is not a git repository, so Evaluate has no baseline and scores the model alone.");
        report.Method.Add("Measured (A): delete the evaluation cache (`<cache>/v1/evaluations/`), then `dotnet build -t:Evaluate " +
                          "-clp:PerformanceSummary` (the output must say \"Scale is up to date\", no \"Training\", \"Evaluating " +
                          $"Scale…\" and \"({resamples} bootstrap resamples)\"): the worker reads the CSV again for the same " +
                          "seeded split, scores the test part, every metric with a 95% bootstrap interval, latency, throughput. " +
                          "Right after (A′), the no-op `dotnet build`; A − A′ is the evaluation's cost in the build.");
        report.Method.Add("Baseline (B): `dotnet exec ScaleHandWritten.dll evaluate <model.zip> <csv>`: `ml.Model.Load`, TextLoader, " +
                          "TrainTestSplit(0.2, seed 42), `Regression.Evaluate(model.Transform(test), \"y\")`: point estimates only.");
        report.Method.Add($"{rounds} rounds, A (with A′) and B alternating which goes first, then the context A0 " +
                          "(`-p:MlBuildBootstrapSamples=0`, the intervals' cost; A′ of the round subtracted).");
        if (evaluation.Evaluated is { } evaluated && evaluation.ByHand is { } byHand)
            report.Notes.Add(RegressionMetrics.Table(
                $"Point estimates (evaluation.json) against the hand-written evaluation (last round; max relative difference " +
                $"{Relative(evaluation.WorstRelativeDifference)}, target ≤ {ScaleScenario.MetricsTolerance:G1}: " +
                $"**{MetricsVerdict(evaluation.WorstRelativeDifference)}**; the same in every round: " +
                $"{(evaluation.SameEveryRound ? "yes" : "**no**")}):", evaluated.Point, byHand));
    }

    /// <summary>When MlBuild's lines of one training build arrived (s since the build started): where the worker's time
    /// goes at this size.</summary>
    public static string Timeline(string caption, ProcessResult build)
    {
        var start = build.Lines.ToList().FindIndex(l => l.Line.Contains($"Training {ScaleCase.Model}…", StringComparison.Ordinal));
        if (start < 0)
            return $"{caption}: no \"Training {ScaleCase.Model}…\" line.";
        var lines = build.Lines.Skip(start)
            .TakeWhile((l, i) => i == 0 || !build.Lines[start + i - 1].Line.Contains($"{ScaleCase.Model} trained in", StringComparison.Ordinal))
            .ToList();
        var shown = lines.Count <= TimelineLines ? lines : [.. lines.Take(TimelineLines / 2), .. lines.TakeLast(TimelineLines / 2)];
        var rows = shown.Select(l => $"| {l.At.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} | " +
                                     $"`{l.Line.Trim().Replace("|", "\\|")}` |");
        return $"Timeline of one training build ({caption}; MlBuild's lines as they arrived, s since the build started" +
               $"{(lines.Count > shown.Count ? $", {lines.Count - shown.Count} lines in the middle left out" : "")}; the build took " +
               $"{build.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s):\n\n| at | line |\n|---|---|\n" +
               string.Join('\n', rows);
    }

    private static string Relative(double difference) =>
        double.IsNaN(difference) ? "n/a (a metric is missing)" : difference == 0 ? "0 (identical)" : difference.ToString("G3", CultureInfo.InvariantCulture);

    private static string MetricsVerdict(double difference) =>
        !double.IsNaN(difference) && difference <= ScaleScenario.MetricsTolerance ? "PASS" : "MISS";
}
