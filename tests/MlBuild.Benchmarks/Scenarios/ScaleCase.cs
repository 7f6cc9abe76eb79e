using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// One size and trainer of the scale benchmark: its generated project (one MlModel over one generated CSV), the samples
/// its rounds take on both sides, and the metrics both sides reported.
/// </summary>
internal sealed class ScaleCase
{
    public const string Model = "Scale";
    // workspace builds pass no -c: the project builds in Debug, so the model and evaluation.json are under Debug.
    private const string Configuration = "Debug";

    public ScaleCase(ScenarioReport report, string directory, int megabytes, string trainer, bool isDefault)
    {
        Directory = directory;
        Megabytes = megabytes;
        Trainer = trainer;
        IsDefault = isDefault;
        var name = $"{megabytes} MB, {Label}";
        Build = report.AddSamples($"{name}: MlBuild dotnet build, trains", "s");
        NoOp = report.AddSamples($"{name}: MlBuild no-op build right after", "s");
        BuildMinusNoOp = report.AddSamples($"{name}: MlBuild build − no-op", "s");
        HandWritten = report.AddSamples($"{name}: hand-written (dotnet exec ScaleHandWritten.dll train)", "s");
        Worker = report.AddSamples($"{name}: of which the RunWorker task (worker process)", "s");
        WorkerFit = report.AddSamples($"{name}: of which Fit in the worker (lock file's trainingSeconds)", "s");
        HandWrittenFit = report.AddSamples($"{name}: of which Fit in the hand-written program (its own clock)", "s");
        WorkerPeak = report.AddSamples($"{name}: peak RSS of the worker (VmHWM)", "MB");
        BuildPeak = report.AddSamples($"{name}: peak RSS of the whole build (sum over its processes)", "MB");
        HandWrittenPeak = report.AddSamples($"{name}: peak RSS of the hand-written program (VmHWM)", "MB");
    }

    public string Directory { get; }
    public int Megabytes { get; }
    /// <summary>The trainer as the hand-written program takes it.</summary>
    public string Trainer { get; }
    /// <summary>Whether the MlModel item names no trainer (Regression's default, FastTree).</summary>
    public bool IsDefault { get; }
    public string Label => IsDefault ? $"default ({Trainer})" : Trainer;

    public Samples Build { get; }
    public Samples NoOp { get; }
    public Samples BuildMinusNoOp { get; }
    public Samples HandWritten { get; }
    public Samples Worker { get; }
    public Samples WorkerFit { get; }
    public Samples HandWrittenFit { get; }
    public Samples WorkerPeak { get; }
    public Samples BuildPeak { get; }
    public Samples HandWrittenPeak { get; }

    /// <summary>The last round's metrics of each side, and whether every round gave the same ones.</summary>
    public RegressionMetrics? MlBuildMetrics { get; set; }
    public RegressionMetrics? HandWrittenMetrics { get; set; }
    public bool SameEveryRound { get; set; } = true;
    /// <summary>The largest relative difference between the two sides' metrics over all rounds.</summary>
    public double WorstRelativeDifference { get; set; }

    public string Item => $"""
            <MlModel Include="{Model}" Task="Regression"{(IsDefault ? "" : $" Trainer=\"{Trainer}\"")} TrainData="data/scale.csv"
                     LabelColumn="y" TestFraction="0.2" />
        """;

    public string DataFile => Path.Combine(Directory, "data", "scale.csv");
    public string LockFile => Path.Combine(Directory, "mlbuild.lock.json");
    public string ModelFile => Path.Combine(Directory, "bin", Configuration, "net10.0", Model + ".zip");
    public string EvaluationJson => Path.Combine(Directory, "obj", Configuration, "net10.0", "mlbuild", "evaluation.json");
}
