using System.Globalization;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>The notes of benchmark 3 that explain its ratio: where each side's time goes.</summary>
internal static class RetrainNotes
{
    /// <summary>Where each side's time goes (medians of the per-round differences), to show which part differs.</summary>
    public static string Breakdown(Samples build, Samples worker, Samples workerFit, Samples baselineBuild,
        Samples program, Samples programFit)
    {
        static string Median(IEnumerable<double> values) =>
            Statistics.Median(values).ToString("0.000", CultureInfo.InvariantCulture) + " s";
        static IEnumerable<double> Minus(Samples a, Samples b) => a.Values.Zip(b.Values, (x, y) => x - y);
        return "Where the time goes (medians of per-round values):\n\n" +
               "| part | MlBuild | baseline |\n|---|---|---|\n" +
               $"| dotnet build, apart from training | {Median(Minus(build, worker))} (build − RunWorker) | {Median(baselineBuild.Values)} (build) |\n" +
               $"| training process, apart from Fit (start, read data, evaluate, save) | {Median(Minus(worker, workerFit))} (RunWorker − Fit) | {Median(Minus(program, programFit))} (program − Fit) |\n" +
               $"| Fit | {Median(workerFit.Values)} (from data in memory) | {Median(programFit.Values)} (reads train.csv as it fits) |\n" +
               $"| total | {Median(build.Values)} | {Median(baselineBuild.Values.Zip(program.Values, (x, y) => x + y))} |";
    }

    /// <summary>The moments of a detailed retraining build at which MlBuild's and the worker's lines arrived.</summary>
    public static string Timeline(ProcessResult build, string model, double fitSeconds)
    {
        (string Step, TimeSpan? At)[] steps =
        [
            ($"RunWorker starts the worker (\"Training {model}…\")", build.FirstLineAt($"Training {model}…")),
            ("the worker has started and read, split and checked train.csv (its first line)", build.FirstLineAt("train.csv: ", " rows, ")),
            ("… and test.csv", build.FirstLineAt("test.csv: ", " rows, ")),
            ("column kinds inferred, label prepared", build.FirstLineAt("columns: ", "(Categorical)")),
            ("data views built, rows counted (\"loaded …\")", build.FirstLineAt("loaded ", " training rows")),
            ("Fit starts (\"training FastTree…\")", build.FirstLineAt("training FastTree")),
            ("Fit, evaluation, model and result written (worker's last line)", build.FirstLineAt($"{model}: trained in ")),
            ($"CommitModel done (\"{model} trained in …\")", build.FirstLineAt($"{model} trained in ")),
            ("dotnet build exits", build.Elapsed),
        ];
        var rows = new List<string>();
        TimeSpan? previous = null;
        foreach (var (step, at) in steps)
        {
            rows.Add($"| {step} | {Seconds(at)} | {(at is { } now && previous is { } then ? Seconds(now - then) : "")} |");
            previous = at ?? previous;
        }
        return "Where the worker's time goes: one more retraining build (not measured) at `-v:d`, each line timed as it " +
               $"arrived (s since the build started; Fit itself took {fitSeconds:0.000} s by the lock file):\n\n" +
               "| step | at | since the previous step |\n|---|---|---|\n" + string.Join('\n', rows);

        static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : "not seen";
    }
}
