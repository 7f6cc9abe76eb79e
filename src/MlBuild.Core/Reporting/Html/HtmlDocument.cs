using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace MlBuild.Core.Reporting.Html;

/// <summary>
/// The self-contained report file: one or more parts (<see cref="HtmlReportPart"/>), the styles, the chart
/// specifications as JSON, Vega 6.4.0 and Vega-Lite 6.5.0 inlined (Reporting/Html/Vendor, BSD-3-Clause) and the
/// script that draws every chart as SVG. Nothing is fetched: a Content-Security-Policy forbids every request (the
/// charts' data are in the page), so the file opens from disk, from a CI artifact, or offline, and prints. Vega
/// compiles its expressions with <c>Function</c>, hence 'unsafe-eval' for scripts (and only scripts). The page sets
/// <c>data-charts="rendered"</c> (or <c>"failed"</c>) on its root element when done, for a test or a screenshot.
/// </summary>
internal static class HtmlDocument
{
    public const string VegaVersion = "6.4.0";
    public const string VegaLiteVersion = "6.5.0";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:";

    private static readonly Lazy<string> Vega = new(() => Library("vega.min.js"));
    private static readonly Lazy<string> VegaLite = new(() => Library("vega-lite.min.js"));
    private static readonly Lazy<string> Styles = new(() => Resource("report.css"));
    private static readonly Lazy<string> Script = new(() => Resource("report.js"));

    public static string Write(IReadOnlyList<HtmlReportPart> parts, string? title = null, string? generator = null)
    {
        title ??= parts.Count == 1 ? parts[0].Title : "MlBuild evaluation";
        var passed = parts.All(p => p.Passed);
        var charts = new JsonArray();
        var html = new StringBuilder(256 * 1024 + Vega.Value.Length + VegaLite.Value.Length);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        if (generator is not null)
            html.Append($"<meta name=\"generator\" content=\"{HtmlText.Escape(generator)}\">\n");
        html.Append($"<title>{(passed ? "✅" : "❌")} {HtmlText.Escape(title)}</title>\n<style>\n").Append(Styles.Value).Append("</style>\n</head>\n<body>\n<main>\n");
        if (parts.Count > 1)
        {
            html.Append($"<header><h1>{HtmlText.Escape(title)}</h1><nav><ul>\n");
            foreach (var (part, i) in parts.Select((p, i) => (p, i)))
                html.Append($"<li class=\"{(part.Passed ? "pass" : "fail")}\"><a href=\"#{Prefix(i)}top\">{HtmlText.Escape(part.Title)}</a></li>\n");
            html.Append("</ul></nav></header>\n");
        }
        foreach (var (part, i) in parts.Select((p, i) => (p, i)))
        {
            // Every id of a part starts with the prefix (the names in it are escaped, so the prefix cannot occur in
            // them): numbering it keeps the ids of two projects' parts apart.
            html.Append("<article class=\"report\">\n")
                .Append(part.Body.Replace($"id=\"{HtmlReportPart.IdPrefix}", $"id=\"{Prefix(i)}", StringComparison.Ordinal)
                    .Replace($"href=\"#{HtmlReportPart.IdPrefix}", $"href=\"#{Prefix(i)}", StringComparison.Ordinal))
                .Append("</article>\n");
            foreach (var chart in part.Charts)
                charts.Add(new JsonObject
                {
                    ["id"] = Prefix(i) + chart.Id[HtmlReportPart.IdPrefix.Length..],
                    ["spec"] = chart.Spec.DeepClone(),
                });
        }
        html.Append("</main>\n<footer>Made by ").Append(HtmlText.Escape(generator ?? "MlBuild"))
            .Append($". Charts drawn by Vega {VegaVersion} and Vega-Lite {VegaLiteVersion} (BSD-3-Clause, University of Washington Interactive Data Lab), inlined.</footer>\n");
        html.Append("<script type=\"application/json\" id=\"mlbuild-charts\">").Append(ChartJson.Serialize(charts)).Append("</script>\n");
        html.Append("<script>\n").Append(Vega.Value).Append("\n</script>\n");
        html.Append("<script>\n").Append(VegaLite.Value).Append("\n</script>\n");
        html.Append("<script>\n").Append(Script.Value).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Prefix(int part) => $"r{part}-";

    /// <summary>A vendored library without its source-map comment (the map is not shipped, and a browser's
    /// developer tools would ask for it).</summary>
    private static string Library(string name) => string.Join('\n', Resource(name).Split('\n')
        .Where(line => !line.StartsWith("//# sourceMappingURL=", StringComparison.Ordinal))).TrimEnd();

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlDocument).Assembly.GetManifestResourceStream("MlBuild.Core.Reporting.Html." + name)
            ?? throw new InvalidOperationException($"The report's resource {name} is not in MlBuild.Core. This is a bug in MlBuild.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
