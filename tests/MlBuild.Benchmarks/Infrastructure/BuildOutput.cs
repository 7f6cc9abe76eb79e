using System.Text.RegularExpressions;

namespace MlBuild.Benchmarks.Infrastructure;

/// <summary>What MlBuild's messages in a build's output say about its models.</summary>
internal static partial class BuildOutput
{
    /// <summary>Whether MlBuild said it trains a model ("Training Model1…"), as opposed to the word inside a task name
    /// (PlanTraining in a performance summary) or a file name (MlBuild.Training.targets in a detailed log).</summary>
    public static bool MentionsTraining(string output) => TrainingWord().IsMatch(output);

    public static bool Trained(string output, string model) => output.Contains($"Training {model}…", StringComparison.Ordinal);

    public static bool UpToDate(string output, string model) => output.Contains($"{model} is up to date", StringComparison.Ordinal);

    public static bool Restored(string output, string model) => output.Contains($"{model} restored from cache", StringComparison.Ordinal);

    public static bool RestoredFromRemote(string output, string model) =>
        output.Contains($"{model} restored from remote cache", StringComparison.Ordinal);

    /// <summary>Whether RunWorker ran the worker's evaluation of the model (its "Evaluating Model…" line).</summary>
    public static bool Evaluated(string output, string model) => output.Contains($"Evaluating {model}…", StringComparison.Ordinal);

    /// <summary>Whether the worker said it evaluates with this many bootstrap resamples ("Model: evaluating on N test
    /// rows (1000 bootstrap resamples)…").</summary>
    public static bool EvaluatedWithResamples(string output, string model, int resamples) =>
        output.Split('\n').Any(l => l.Contains($"{model}: evaluating on ", StringComparison.Ordinal)
                                   && l.Contains($"({resamples} bootstrap resamples)", StringComparison.Ordinal));

    /// <summary>Whether ApplyGates reported the model's table with no gates and no baseline (its header line
    /// "Model - no gates; no baseline (…); N test rows").</summary>
    public static bool ReportedWithoutBaseline(string output, string model) =>
        output.Split('\n').Any(l => l.TrimStart().StartsWith($"{model} - no gates; no baseline", StringComparison.Ordinal));

    [GeneratedRegex(@"(^|\s)Training [A-Za-z0-9._-]+…", RegexOptions.Multiline)]
    private static partial Regex TrainingWord();
}
