namespace MlBuild.IntegrationTests.Infrastructure.Browsers;

/// <summary>What headless Chromium saw of one page: its title, the value its scripts set in
/// <c>data-charts</c> on the root element ("rendered" or "failed"), every console error and uncaught exception, every
/// request for anything but the page itself (http, https or file; data: and blob: URLs are part of the page and not
/// listed), and the charts it drew, in document order.</summary>
public sealed record PageReport(string Title, string ChartsState, IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> NetworkRequests, IReadOnlyList<RenderedChart> Charts);

/// <summary>A <c>figure.chart</c> of the page: its id, the series named in its <c>data-series</c> (space-separated),
/// and the rendered size in CSS pixels of the first <c>svg</c> or <c>canvas</c> inside it (0x0 when there is none).</summary>
public sealed record RenderedChart(string Id, IReadOnlyList<string> Series, double Width, double Height);
