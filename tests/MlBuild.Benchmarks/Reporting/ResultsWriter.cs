using System.Globalization;
using System.Text;
using MlBuild.Benchmarks.Measurement;

namespace MlBuild.Benchmarks.Reporting;

/// <summary>Writes RESULTS.md: when and where the run happened, a summary of every ratio against its target, then
/// each benchmark's method, raw samples, ratios and notes. Overwritten on every run.</summary>
internal static class ResultsWriter
{
    public static void Write(string path, RunInfo run, IReadOnlyList<ScenarioReport> scenarios, string? abortReason)
    {
        var md = new StringBuilder();
        md.AppendLine("# MlBuild benchmarks").AppendLine();
        md.AppendLine($"Written by `bash build/bench.sh` (tests/MlBuild.Benchmarks) on {run.Started:yyyy-MM-dd HH:mm} UTC; " +
                      $"the run took {run.Duration.TotalMinutes:0.0} min. MlBuild {run.MlBuildVersion}, packed from this working tree at " +
                      $"{run.Source}. Figures are measured, never asserted: this file is the result.").AppendLine();

        md.AppendLine("## Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| CPU | {run.Machine.Cpu} |");
        md.AppendLine($"| cores | {run.Machine.Cores} |");
        md.AppendLine($"| memory | {run.Machine.Memory} |");
        md.AppendLine($"| OS | {run.Machine.Os} |");
        md.AppendLine($"| .NET SDK | {run.Machine.Sdk} |");
        md.AppendLine($"| benchmark runtime | {run.Machine.Runtime} |");
        md.AppendLine($"| load average (1, 5, 15 min): before packing / as the measurements began / at the end | " +
                      $"{run.LoadBeforePack} / {run.LoadAtStart} / {run.LoadAtEnd} |").AppendLine();

        if (abortReason is not null)
            md.AppendLine("## ABORTED").AppendLine().AppendLine("A setup check failed, so the figures below are " +
                "incomplete:").AppendLine().AppendLine("```").AppendLine(abortReason).AppendLine("```").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| benchmark | ratio | ratio (or difference) of medians | per-round ratios or differences (min – max) | target | result |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
            foreach (var c in scenario.Comparisons.Where(c => c.HasTarget))
                md.AppendLine($"| {scenario.Title} | {c.Name} | **{c.ValueText}** | {RoundRange(c)} | {c.TargetText} | **{c.Verdict}** |");
        md.AppendLine();

        md.AppendLine("## Method").AppendLine();
        md.AppendLine("- Every ratio compares two variants measured in the same run, interleaved (measured, baseline, " +
                      "measured, baseline, …) after a warm-up round that is not counted, so that a slower or busier " +
                      "moment of the machine weighs on both.");
        md.AppendLine("- The ratio is median(measured) / median(baseline). The per-round ratios (round i over round i) " +
                      "and the min/max of each variant show the spread.");
        md.AppendLine("- Builds are real `dotnet build -nodeReuse:false -tl:off` processes of generated projects under " +
                      "a temporary folder, timed from process start to exit, with MSBUILDDISABLENODEREUSE=1, no MSBuild* " +
                      "variables inherited, an isolated NUGET_PACKAGES (and HTTP cache) and MLBUILD_CACHE_DIR. The MlBuild " +
                      "package is the one build/bench.sh just packed. The temporary folder is deleted at the end.");
        md.AppendLine();

        for (var i = 0; i < scenarios.Count; i++)
            WriteScenario(md, i + 1, scenarios[i]);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, md.ToString());
    }

    private static void WriteScenario(StringBuilder md, int number, ScenarioReport scenario)
    {
        md.AppendLine($"## {number}. {scenario.Title}").AppendLine();
        foreach (var line in scenario.Method)
            md.AppendLine($"- {line}");
        md.AppendLine();

        if (scenario.Comparisons.Count > 0)
        {
            md.AppendLine("| ratio | measured (median) | baseline (median) | ratio (or difference) of medians | per-round ratios or differences (min – max) | target | result |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var c in scenario.Comparisons)
                md.AppendLine($"| {c.Name} | {Value(c.Measured, c.Measured.Median)} | {Value(c.Baseline, c.Baseline.Median)} | " +
                              $"**{c.ValueText}** | {RoundRange(c)} | {c.TargetText} | {c.Verdict} |");
            md.AppendLine();
        }

        if (scenario.RawSamples.Count > 0)
        {
            var runs = scenario.RawSamples.Max(s => s.Values.Count);
            md.AppendLine("Raw samples, in the order taken:").AppendLine();
            md.AppendLine("| variant | median | min | max | spread | " +
                          string.Join(" | ", Enumerable.Range(1, runs).Select(r => $"#{r}")) + " |");
            md.AppendLine("|---|---|---|---|---|" + string.Concat(Enumerable.Repeat("---|", runs)));
            foreach (var s in scenario.RawSamples)
                md.AppendLine($"| {s.Name} | {Value(s, s.Median)} | {Value(s, s.Min)} | {Value(s, s.Max)} | " +
                              $"{s.RelativeSpread * 100:0.#} % | " +
                              string.Join(" | ", s.Values.Select(v => Number(s, v))) + " |");
            md.AppendLine();
        }

        foreach (var note in scenario.Notes)
            md.AppendLine(note).AppendLine();
    }

    private static string RoundRange(Comparison c) =>
        c.RoundRatios.Count == 0 ? "" : $"{c.Format(c.RoundRatios.Min())} – {c.Format(c.RoundRatios.Max())}";

    private static string Value(Samples s, double value) => $"{Number(s, value)} {s.Unit}";

    private static string Number(Samples s, double value) => value.ToString(s.Unit switch
    {
        "ms" => "0",
        "GB/s" => "0.00",
        "MB" => "0",
        _ => "0.000",
    }, CultureInfo.InvariantCulture);
}

/// <summary>The facts of the run as a whole.</summary>
internal sealed record RunInfo(DateTime Started, TimeSpan Duration, string MlBuildVersion, string Source,
    MachineInfo Machine, string LoadBeforePack, string LoadAtStart, string LoadAtEnd);
