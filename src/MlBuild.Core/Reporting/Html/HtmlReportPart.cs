namespace MlBuild.Core.Reporting.Html;

/// <summary>One project's report as the HTML document holds it: its header and model sections (HTML, every name
/// escaped) and the charts they place. Saved beside report.html (<see cref="FileName"/>), so that the reports of
/// several projects combine into one document (<c>mlbuild report html</c>) without evaluating anything again.</summary>
internal sealed record HtmlReportPart
{
    public const string FileName = "report.html.json";

    /// <summary>The prefix of every element id of a part; <see cref="HtmlDocument"/> numbers it per part.</summary>
    public const string IdPrefix = "r-";

    public required string Title { get; init; }
    public required bool Passed { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyList<ReportChart> Charts { get; init; }
}
