using System.Text.RegularExpressions;

namespace MlBuild.Benchmarks.Infrastructure;

/// <summary>What MlBuild's messages in a build's output say about its models.</summary>
internal static partial class BuildOutput
{
    /// <summary>Whether the word "Training" appears on its own ("Training Model1…"), as opposed to inside a task
    /// name such as PlanTraining in a performance summary.</summary>
    public static bool MentionsTraining(string output) => TrainingWord().IsMatch(output);

    public static bool Trained(string output, string model) => output.Contains($"Training {model}…", StringComparison.Ordinal);

    public static bool UpToDate(string output, string model) => output.Contains($"{model} is up to date", StringComparison.Ordinal);

    public static bool Restored(string output, string model) => output.Contains($"{model} restored from cache", StringComparison.Ordinal);

    [GeneratedRegex(@"\bTraining\b")]
    private static partial Regex TrainingWord();
}
