using System.Text.Json;

namespace MlBuild.Core.Reporting.Html;

/// <summary>The HTML report's files beside report.md: the document, and its part as JSON for combining the reports
/// of several projects into one document.</summary>
internal static class HtmlReportFiles
{
    public const string Document = "report.html";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize(HtmlReportPart part) => JsonSerializer.Serialize(part, Json) + "\n";

    /// <exception cref="JsonException">Not a saved part.</exception>
    public static HtmlReportPart Deserialize(string json)
    {
        var part = JsonSerializer.Deserialize<HtmlReportPart>(json, Json) ?? throw new JsonException("the file holds null");
        // Null where the document needs a value ("charts": null, a chart without its spec) would fail later, unexplained.
        if (part.Title is null || part.Body is null || part.Charts is null
            || part.Charts.Any(c => c is null || c.Spec is null || c.Title is null || c.Series is null
                || c.Id is null || !c.Id.StartsWith(HtmlReportPart.IdPrefix, StringComparison.Ordinal)))
            throw new JsonException("a value the report needs is missing or null");
        return part;
    }
}
