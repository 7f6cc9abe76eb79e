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
    public static HtmlReportPart Deserialize(string json) =>
        JsonSerializer.Deserialize<HtmlReportPart>(json, Json) ?? throw new JsonException("the file holds null");
}
