using System.Text.Json;
using MlBuild.Core.IO;
using MlBuild.Core.Reporting.Html;
using MlBuild.Tool.Cli;

namespace MlBuild.Tool.Reports;

/// <summary>
/// <c>mlbuild report html</c>: the HTML reports of several projects (the folders the Evaluate target saved them in)
/// as one self-contained document, failing projects first, then in the order given, with a table of contents. It reads
/// each report's saved part (report.html.json) and evaluates nothing again. The document is written through a temporary
/// file, so a reader never sees half of it; an unusable report writes nothing.
/// </summary>
internal static class HtmlReportCombiner
{
    public static int Run(IReadOnlyList<string> reports, string outputFile, string? title, ToolOutput output)
    {
        var parts = new List<HtmlReportPart>();
        foreach (var report in reports)
        {
            var file = Directory.Exists(report) ? Path.Combine(report, HtmlReportPart.FileName) : report;
            if (!File.Exists(file))
            {
                output.Error(MlbCodes.HtmlReportUnusable, $"{file}: no HTML report there. Give the folders the Evaluate target saved " +
                    "the reports in (MlBuildReportDirectory, or obj/<configuration>/<framework>/mlbuild/), built with this MlBuild.");
                return ExitCodes.Failure;
            }
            try
            {
                parts.Add(HtmlReportFiles.Deserialize(File.ReadAllText(file)));
            }
            catch (JsonException e)
            {
                output.Error(MlbCodes.HtmlReportUnusable, $"{file}: not a saved MlBuild HTML report ({e.Message}). Evaluate the project again.");
                return ExitCodes.Failure;
            }
        }
        var ordered = parts.Select((p, i) => (p, i)).OrderBy(x => x.p.Passed ? 1 : 0).ThenBy(x => x.i).Select(x => x.p).ToList();
        var document = HtmlDocument.Write(ordered, title ?? $"MlBuild evaluation of {parts.Count} {(parts.Count == 1 ? "project" : "projects")}",
            generator: "mlbuild " + ToolVersion);
        var full = Path.GetFullPath(outputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteAllText(full, document);
        output.Info($"{full}: the HTML report of {parts.Count} {(parts.Count == 1 ? "project" : "projects")} ({document.Length / 1024} KiB).");
        return ExitCodes.Success;
    }

    private static string ToolVersion =>
        (typeof(HtmlReportCombiner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "").Split('+')[0];
}
