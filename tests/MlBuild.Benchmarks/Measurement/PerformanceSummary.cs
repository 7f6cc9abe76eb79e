using System.Globalization;
using System.Text.RegularExpressions;

namespace MlBuild.Benchmarks.Measurement;

/// <summary>
/// The task and target times MSBuild prints with <c>-clp:PerformanceSummary</c>, such as
/// <c>      59 ms  PlanTraining                               1 calls</c>, by section. A task's time is the time
/// spent inside its Execute, which is what MlBuild's own code costs in a build.
/// </summary>
internal sealed partial class PerformanceSummary
{
    private readonly Dictionary<string, double> _targets;
    private readonly Dictionary<string, double> _tasks;

    private PerformanceSummary(Dictionary<string, double> targets, Dictionary<string, double> tasks)
    {
        _targets = targets;
        _tasks = tasks;
    }

    /// <summary>Milliseconds in the task (0 when it did not run).</summary>
    public double TaskMs(string task) => _tasks.GetValueOrDefault(task);

    public double TargetMs(string target) => _targets.GetValueOrDefault(target);

    public static PerformanceSummary Parse(string output)
    {
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, double>? section = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Contains("Target Performance Summary:", StringComparison.Ordinal))
                section = targets;
            else if (line.Contains("Task Performance Summary:", StringComparison.Ordinal))
                section = tasks;
            else if (line.Contains("Performance Summary:", StringComparison.Ordinal))
                section = null;
            else if (section is not null && Row().Match(line) is { Success: true } row)
                section[row.Groups["name"].Value] = double.Parse(row.Groups["ms"].Value, CultureInfo.InvariantCulture);
        }
        return new PerformanceSummary(targets, tasks);
    }

    [GeneratedRegex(@"^\s*(?<ms>\d+)\s+ms\s+(?<name>\S+)\s+\d+\s+calls\s*$")]
    private static partial Regex Row();
}
