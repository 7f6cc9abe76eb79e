using MlBuild.IntegrationTests.Infrastructure.Browsers;
using Xunit;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>The browser the HTML report's tests open it in: Debian's Chromium, headless, on two small pages of the
/// test's own, one that draws its chart and one that fails in every way the report's tests look for.</summary>
public sealed class HeadlessChromiumTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TestDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_page_that_draws_its_chart_is_reported_rendered_with_the_charts_size_and_series_and_nothing_else()
    {
        Assert.True(HeadlessChromium.Executable is not null, "Chromium is missing: .ci/run installs Debian's chromium");
        var page = _folder.Write("good/report.html", """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Good report</title></head>
            <body>
            <figure class="chart" id="c1" data-series="candidate baseline"></figure>
            <script>
              const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
              svg.setAttribute("width", "300");
              svg.setAttribute("height", "200");
              const bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
              bar.setAttribute("width", "120");
              bar.setAttribute("height", "160");
              bar.setAttribute("fill", "steelblue");
              svg.appendChild(bar);
              document.getElementById("c1").appendChild(svg);
              document.documentElement.dataset.charts = "rendered";
            </script>
            </body>
            </html>
            """);
        var screenshot = _folder.File("shots/good.png");

        var report = await HeadlessChromium.OpenAsync(page, screenshot);

        Assert.Equal("Good report", report.Title);
        Assert.Equal("rendered", report.ChartsState);
        Assert.Empty(report.ConsoleErrors);
        Assert.Empty(report.NetworkRequests);
        var chart = Assert.Single(report.Charts);
        Assert.Equal("c1", chart.Id);
        Assert.Equal(["candidate", "baseline"], chart.Series);
        Assert.Equal((300d, 200d), (chart.Width, chart.Height));
        Assert.True(File.Exists(screenshot), "no screenshot at " + screenshot);
        Assert.Equal(PngSignature, File.ReadAllBytes(screenshot)[..PngSignature.Length]);
    }

    [Fact]
    public async Task A_page_that_logs_an_error_and_reaches_for_the_network_is_reported_failed_with_both()
    {
        Assert.True(HeadlessChromium.Executable is not null, "Chromium is missing: .ci/run installs Debian's chromium");
        var page = _folder.Write("bad/report.html", """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Bad report</title></head>
            <body>
            <figure class="chart" id="c1" data-series="candidate"></figure>
            <img src="http://127.0.0.1:9/x.png" alt="">
            <script>
              console.error("boom");
              document.documentElement.dataset.charts = "failed";
            </script>
            </body>
            </html>
            """);
        var screenshot = _folder.File("shots/bad.png");

        var report = await HeadlessChromium.OpenAsync(page, screenshot);

        Assert.Equal("failed", report.ChartsState);
        Assert.Contains("boom", report.ConsoleErrors);
        Assert.Contains("http://127.0.0.1:9/x.png", report.NetworkRequests);
        var chart = Assert.Single(report.Charts);
        Assert.Equal(("c1", 0d, 0d), (chart.Id, chart.Width, chart.Height));
        Assert.True(File.Exists(screenshot), "no screenshot at " + screenshot);
    }
}
