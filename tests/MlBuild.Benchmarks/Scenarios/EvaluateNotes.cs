using System.Globalization;
using System.Text;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>The notes of benchmark 5: where each side's time goes, and whether both sides computed the same metrics.</summary>
internal static class EvaluateNotes
{
    /// <summary>Where each side's time goes (medians of per-round values).</summary>
    public static string Breakdown(Samples build, Samples worker, Samples workerWithoutIntervals, Samples baselineBuild,
        Samples program)
    {
        static IEnumerable<double> Minus(Samples a, Samples b) => a.Values.Zip(b.Values, (x, y) => x - y);
        return "Where the time goes (medians of per-round values):\n\n" +
               "| part | MlBuild Evaluate | baseline |\n|---|---|---|\n" +
               $"| dotnet build, apart from the evaluation process | {Median(Minus(build, worker))} (build − RunWorker) | {Median(baselineBuild.Values)} (build) |\n" +
               $"| evaluation process | {Median(worker.Values)} (RunWorker) | {Median(program.Values)} (hand-written program) |\n" +
               $"| … of which the 95% intervals | {Median(Minus(worker, workerWithoutIntervals))} (RunWorker − RunWorker with MlBuildBootstrapSamples=0, same round) | none |\n" +
               $"| total | {Median(build.Values)} | {Median(baselineBuild.Values.Zip(program.Values, (x, y) => x + y))} |";
    }

    /// <summary>The moments of a detailed Evaluate build at which MlBuild's and the worker's lines arrived.</summary>
    public static string Timeline(ProcessResult build, string model)
    {
        (string Step, TimeSpan? At)[] steps =
        [
            ($"RunWorker starts the worker (\"Evaluating {model}…\")", build.FirstLineAt($"Evaluating {model}…")),
            ("the worker has started and read, split and checked train.csv (its first line; read to load the data as training did)",
                build.FirstLineAt("train.csv: ", " rows, ")),
            ("… and test.csv", build.FirstLineAt("test.csv: ", " rows, ")),
            ("column kinds inferred, label prepared", build.FirstLineAt("columns: ", "(Categorical)")),
            ("data views built, rows counted (\"evaluating on …\")", build.FirstLineAt("evaluating on ", "bootstrap resamples")),
            ("model loaded, test set scored, intervals, latency, throughput; result written (RunWorker done)",
                build.FirstLineAt("Done executing task \"RunWorker\"")),
            ($"ApplyGates has reported (\"{model} - no gates; …\")", build.FirstLineAt($"{model} - no gates")),
            ("dotnet build exits", build.Elapsed),
        ];
        var rows = new List<string>();
        TimeSpan? previous = null;
        foreach (var (step, at) in steps)
        {
            rows.Add($"| {step} | {Seconds(at)} | {(at is { } now && previous is { } then ? Seconds(now - then) : "")} |");
            previous = at ?? previous;
        }
        return "Where the worker's time goes: one more evaluating build (not measured) at `-v:d`, each line timed as it " +
               "arrived (s since the build started):\n\n" +
               "| step | at | since the previous step |\n|---|---|---|\n" + string.Join('\n', rows);

        static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : "not seen";
    }

    /// <summary>MlBuild's point estimates and intervals beside the hand-written program's metrics and the lock file's.</summary>
    public static string MetricsTable(EvaluationMetrics mlBuild, RegressionMetrics handWritten, RegressionMetrics lockFile,
        double tolerance, double worstRelativeDifference, bool sameEveryRound, int resamples)
    {
        var md = new StringBuilder();
        var agree = worstRelativeDifference <= tolerance;
        md.AppendLine($"Metrics on the test set ({mlBuild.TestRows:N0} rows; last round). The same in every round, on each side " +
                      $"(MlBuild's point estimates and intervals, the hand-written program's metrics, B′'s and A0's too): " +
                      $"{(sameEveryRound ? "yes" : "**no**")}. MlBuild's point estimates agree with the hand-written program's " +
                      $"to a relative {tolerance.ToString("0e0", CultureInfo.InvariantCulture)}: {(agree ? "yes" : "**no**")} " +
                      $"(largest relative difference in any round: {Format(worstRelativeDifference, "G3")}). They are not " +
                      "computed by the same code: MlBuild's worker sums over its own scored rows (RegressionMetricSet, the " +
                      "labels centred on their mean), the program calls ML.NET's RegressionEvaluator; the lock file holds " +
                      "the metrics the worker computed with ML.NET's evaluator at training time.");
        md.AppendLine();
        md.AppendLine($"| metric | MlBuild Evaluate (evaluation.json) | 95% interval ({resamples:N0} resamples) | hand-written ML.NET | " +
                      "difference | relative difference | lock file (training) |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var name in RegressionMetrics.Names)
        {
            var a = mlBuild.Point.Values.GetValueOrDefault(name, double.NaN);
            var b = handWritten.Values.GetValueOrDefault(name, double.NaN);
            var l = lockFile.Values.GetValueOrDefault(name, double.NaN);
            var relative = mlBuild.Point.RelativeDifference(handWritten, name);
            md.AppendLine($"| {name} | {Format(a)} | {mlBuild.IntervalText(name)} | {Format(b)} | " +
                          $"{(a.Equals(b) ? "identical" : Format(a - b, "G3"))} | {(relative == 0 ? "0" : Format(relative, "G3"))} | " +
                          $"{Format(l)}{(l.Equals(b) ? " (= hand-written)" : "")} |");
        }
        return md.ToString().TrimEnd();
    }

    private static string Median(IEnumerable<double> values) =>
        Statistics.Median(values).ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Format(double value, string format = "R") => value.ToString(format, CultureInfo.InvariantCulture);
}
