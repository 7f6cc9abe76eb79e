using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlBuild.Benchmarks.Measurement;

/// <summary>The test-set metrics of a regression model by ML.NET's names, as recorded in mlbuild.lock.json (with
/// the fit time recorded beside them) or printed by the hand-written program, compared value by value (exactly: same
/// data, same pipeline, same seed should give the same doubles).</summary>
internal sealed record RegressionMetrics(IReadOnlyDictionary<string, double> Values, double TrainingSeconds = double.NaN)
{
    public static readonly string[] Names = ["RSquared", "MeanAbsoluteError", "RootMeanSquaredError", "MeanSquaredError"];

    public static RegressionMetrics FromLockFile(string lockFile, string model)
    {
        var entry = JsonNode.Parse(File.ReadAllText(lockFile))?["models"]?[model];
        var metrics = entry?["metrics"]?.AsObject() ?? throw new InvalidDataException($"{lockFile} has no metrics for {model}.");
        return new RegressionMetrics(metrics.ToDictionary(p => p.Key, p => p.Value!.GetValue<double>()),
            entry["trainingSeconds"]?.GetValue<double>() ?? double.NaN);
    }

    /// <summary>From the hand-written program's output line <c>metrics {"RSquared":…}</c>.</summary>
    public static RegressionMetrics FromProgramOutput(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("metrics ", StringComparison.Ordinal))
            ?? throw new InvalidDataException("The hand-written program printed no metrics line.");
        return new RegressionMetrics(JsonSerializer.Deserialize<Dictionary<string, double>>(line["metrics ".Length..])!);
    }

    public bool SameAs(RegressionMetrics other) =>
        Names.All(n => Values.TryGetValue(n, out var a) && other.Values.TryGetValue(n, out var b) && a.Equals(b));

    /// <summary>|a − b| / max(|a|, |b|) for one metric: 0 when both are equal, NaN when either is missing.</summary>
    public double RelativeDifference(RegressionMetrics other, string name)
    {
        if (!Values.TryGetValue(name, out var a) || !other.Values.TryGetValue(name, out var b))
            return double.NaN;
        return a.Equals(b) ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));
    }

    /// <summary>The largest <see cref="RelativeDifference"/> over the four metrics (NaN when one is missing).</summary>
    public double MaxRelativeDifference(RegressionMetrics other) =>
        Names.Select(n => RelativeDifference(other, n)).Aggregate(0.0, (max, d) => double.IsNaN(d) || double.IsNaN(max) ? double.NaN : Math.Max(max, d));

    /// <summary>A Markdown table of both sets of metrics side by side.</summary>
    public static string Table(string caption, RegressionMetrics mlBuild, RegressionMetrics handWritten)
    {
        var md = new StringBuilder();
        md.AppendLine(caption).AppendLine();
        md.AppendLine("| metric | MlBuild (mlbuild.lock.json) | hand-written ML.NET | difference |");
        md.AppendLine("|---|---|---|---|");
        foreach (var name in Names)
        {
            var a = mlBuild.Values.GetValueOrDefault(name, double.NaN);
            var b = handWritten.Values.GetValueOrDefault(name, double.NaN);
            md.AppendLine($"| {name} | {Format(a)} | {Format(b)} | {(a.Equals(b) ? "identical" : Format(a - b))} |");
        }
        return md.ToString().TrimEnd();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
