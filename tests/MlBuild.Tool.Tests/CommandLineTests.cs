using MlBuild.Tool.Tests.Support;

namespace MlBuild.Tool.Tests;

/// <summary>The command line itself: help, and usage errors that stop before anything is read or sent.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_shows_the_synopsis_and_every_option()
    {
        await using var scenario = await ToolScenario.StartAsync();

        var run = await scenario.RunAsync("report", "post", "--help");

        Assert.Equal(0, run.ExitCode);
        // The root's name is the executable's: testhost here, mlbuild when installed or run with dotnet mlbuild.dll.
        Assert.Contains(" report post <report>... [options]", run.Output);
        foreach (var option in new[] { "--report-id <id>", "--pull-request <number>", "--repository <owner/name>", "--fail-on-error", "--step-summary" })
            Assert.Contains(option, run.Output);
        Assert.DoesNotContain("--token", run.Output);
    }

    [Fact]
    public async Task A_token_option_is_refused_and_says_where_the_token_comes_from()
    {
        await using var scenario = await ToolScenario.StartAsync();
        var report = scenario.SaveReport("Iris", "## Iris");

        var run = await scenario.RunAsync("report", "post", "--token", "ghp_never_print_me", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("There is no --token option: the token is read from GITHUB_TOKEN", run.Output);
        Assert.DoesNotContain("ghp_never_print_me", run.Output);
        Assert.Empty(scenario.GitHub.Requests);
    }

    [Theory]
    [InlineData("report", "post")]
    [InlineData("report", "post", "--pull-request", "0", "x")]
    [InlineData("report", "post", "--repository", "octo", "x")]
    [InlineData("report", "post", "--verbose", "x")]
    [InlineData("report")]
    public async Task Usage_errors_exit_with_2_before_anything_is_sent(params string[] args)
    {
        await using var scenario = await ToolScenario.StartAsync();

        var run = await scenario.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(scenario.GitHub.Requests);
    }
}
