using System.Diagnostics;
using MlBuild.Tool.Tests.Support;

namespace MlBuild.Tool.Tests;

/// <summary>The built tool as a process: its real Main, reading the real environment.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_built_tool_posts_a_saved_report_as_a_process()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris from a process");
        scenario.OnPullRequest();

        var (exitCode, output) = await RunProcessAsync(scenario.Environment, "report", "post", "--report-id", "samples", report);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Posted the report on octo/app#7", output);
        Assert.DoesNotContain(ToolScenario.Token, output);
        var comment = Assert.Single(scenario.GitHub.Comments(ToolScenario.Repository, ToolScenario.Number));
        Assert.EndsWith("## Iris from a process\n", comment.Body, StringComparison.Ordinal);
    }

    static async Task<(int ExitCode, string Output)> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        // The project reference copies the tool (mlbuild.dll and its runtimeconfig) beside the tests.
        var tool = Path.Combine(AppContext.BaseDirectory, "mlbuild.dll");
        Assert.True(File.Exists(tool), $"{tool} was not built");
        var start = new ProcessStartInfo(DotNetHost(), ["exec", tool, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // Whatever runs these tests (maybe GitHub Actions itself) must not leak its own runner variables or token in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("RUNNER_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ACTIONS_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
