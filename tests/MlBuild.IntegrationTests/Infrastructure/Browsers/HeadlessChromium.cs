using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace MlBuild.IntegrationTests.Infrastructure.Browsers;

/// <summary>
/// Opens a self-contained HTML file in a real headless Chromium (Debian's, driven by Playwright's driver, which ships
/// inside its NuGet package: nothing is downloaded) and reports what a person's browser would have shown and done.
/// Each call is a browser of its own, with a fresh profile and a home of its own in a temporary folder that is deleted
/// afterwards: the user's home is never touched. Every request other than the page itself (and its data: and blob:
/// URLs) is recorded and then aborted, so nothing leaves the machine (the page logs a console error for each).
/// </summary>
public static class HeadlessChromium
{
    private const float TimeoutMilliseconds = 60_000;

    private const string ChartsSettled =
        "() => ['rendered', 'failed'].includes(document.documentElement.getAttribute('data-charts'))";

    private const string ChartsOfPage = """
        () => JSON.stringify([...document.querySelectorAll('figure.chart')].map(figure => {
            const drawn = figure.querySelector('svg, canvas');
            const box = drawn ? drawn.getBoundingClientRect() : { width: 0, height: 0 };
            return {
                id: figure.getAttribute('id') ?? '',
                series: (figure.getAttribute('data-series') ?? '').split(/\s+/).filter(name => name !== ''),
                width: box.width,
                height: box.height,
            };
        }))
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Path of the Chromium executable: the MLBUILD_CHROMIUM variable, else /usr/bin/chromium (Debian's
    /// package, which .ci/run installs), else <c>chromium</c> on the PATH; null when there is none.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>
    /// Opens <paramref name="htmlFile"/> (as a file:// URL) at a 1280x900 viewport, waits until its root element's
    /// <c>data-charts</c> is "rendered" or "failed", and saves a full-page PNG screenshot at
    /// <paramref name="screenshotPath"/> (creating its folder).
    /// </summary>
    /// <exception cref="TimeoutException">The page did not load, or did not settle its charts, within 60 s;
    /// the message carries everything the page logged.</exception>
    public static async Task<PageReport> OpenAsync(string htmlFile, string screenshotPath)
    {
        var executable = Executable ?? throw new InvalidOperationException(
            "No Chromium found: install Debian's chromium package (as .ci/run does) or set MLBUILD_CHROMIUM to an executable.");
        var pageUrl = new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri;
        bool IsPage(string url) => url.Split('#')[0] == pageUrl
            || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("blob:", StringComparison.OrdinalIgnoreCase);

        var log = new List<string>();
        var errors = new List<string>();
        var requests = new List<string>();
        void Add(List<string> list, string text)
        {
            lock (list)
                list.Add(text);
        }

        using var folder = new TestDirectory();
        var home = Directory.CreateDirectory(folder.File("home")).FullName;
        using var playwright = await Playwright.CreateAsync();
        await using var context = await playwright.Chromium.LaunchPersistentContextAsync(folder.File("profile"), new()
        {
            ExecutablePath = executable,
            Headless = true,
            // Playwright passes --no-sandbox unless the sandbox is asked for: asked for, except as root (as in CI),
            // where Chromium will not start with it.
            ChromiumSandbox = !RunsAsRoot(),
            Args = ["--disable-gpu", "--disable-dev-shm-usage"],
            ViewportSize = new() { Width = 1280, Height = 900 },
            Env = BrowserEnvironment(home),
            Timeout = TimeoutMilliseconds,
        });
        context.Request += (_, request) =>
        {
            if (!IsPage(request.Url))
                Add(requests, request.Url);
        };
        await context.RouteAsync("**/*", route => IsPage(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));

        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            Add(log, $"{message.Type}: {message.Text}");
            if (message.Type == "error")
                Add(errors, message.Text);
        };
        page.PageError += (_, error) =>
        {
            Add(log, $"uncaught: {error}");
            Add(errors, error);
        };

        var clock = Stopwatch.StartNew();
        try
        {
            await page.GotoAsync(pageUrl, new() { WaitUntil = WaitUntilState.Load, Timeout = TimeoutMilliseconds });
            var left = Math.Max(1, TimeoutMilliseconds - (float)clock.Elapsed.TotalMilliseconds);
            await page.WaitForFunctionAsync(ChartsSettled, null, new() { Timeout = left, PollingInterval = 50 });
        }
        catch (TimeoutException e)
        {
            string console;
            lock (log)
                console = log.Count == 0 ? "(nothing)" : string.Join('\n', log);
            throw new TimeoutException(
                $"{htmlFile} did not set data-charts=\"rendered\" or \"failed\" within {TimeoutMilliseconds / 1000} s. Console:\n{console}", e);
        }

        var state = await page.EvaluateAsync<string>("() => document.documentElement.getAttribute('data-charts')");
        var title = await page.EvaluateAsync<string>("() => document.title");
        var charts = JsonSerializer.Deserialize<List<ChartJson>>(await page.EvaluateAsync<string>(ChartsOfPage), Json)!
            .Select(c => new RenderedChart(c.Id, c.Series, c.Width, c.Height))
            .ToList();
        var screenshot = Path.GetFullPath(screenshotPath);
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true, Type = ScreenshotType.Png });
        await context.CloseAsync();

        return new PageReport(title, state, Snapshot(errors), Snapshot(requests), charts);
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
            return [.. list];
    }

    private sealed record ChartJson(string Id, List<string> Series, double Width, double Height);

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("MLBUILD_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        if (File.Exists("/usr/bin/chromium"))
            return "/usr/bin/chromium";
        var name = OperatingSystem.IsWindows() ? "chromium.exe" : "chromium";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The caller's environment with the home and XDG folders moved to a temporary one: even with a profile
    /// folder of its own, Chromium writes its crash reporter's settings to ~/.config/chromium and dconf's to ~/.cache.</summary>
    private static Dictionary<string, string> BrowserEnvironment(string home)
    {
        var environment = new Dictionary<string, string>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            environment[(string)variable.Key] = (string?)variable.Value ?? "";
        environment["HOME"] = home;
        environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        return environment;
    }

    private static bool RunsAsRoot() => !OperatingSystem.IsWindows() && geteuid() == 0;

    [DllImport("libc")]
    private static extern uint geteuid();
}
