using MlBuild.GitHub.Actions;

namespace MlBuild.GitHub.Tests.Actions;

public sealed class ActionsEnvironmentTests
{
    static ActionsEnvironment Read(params (string Name, string Value)[] variables) =>
        ActionsEnvironment.Read(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void A_runners_variables_are_read()
    {
        var environment = Read(
            ("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "pull_request"), ("GITHUB_EVENT_PATH", "/home/runner/work/_temp/_github_workflow/event.json"),
            ("GITHUB_REPOSITORY", "octo/app"), ("GITHUB_API_URL", "https://api.github.com"), ("GITHUB_SERVER_URL", "https://github.com"),
            ("GITHUB_RUN_ID", "8012345678"), ("GITHUB_RUN_ATTEMPT", "2"), ("GITHUB_WORKFLOW", "CI"),
            ("GITHUB_SHA", "5555555555555555555555555555555555555555"), ("GITHUB_BASE_REF", "main"), ("GITHUB_HEAD_REF", "tune-iris"),
            ("GITHUB_STEP_SUMMARY", "/home/runner/work/_temp/_runner_file_commands/step_summary_1"), ("GITHUB_WORKSPACE", "/home/runner/work/app/app"));

        Assert.Equal(new ActionsEnvironment
        {
            IsActions = true,
            EventName = "pull_request",
            EventPath = "/home/runner/work/_temp/_github_workflow/event.json",
            Repository = "octo/app",
            ApiUrl = "https://api.github.com/",
            ServerUrl = "https://github.com",
            RunId = "8012345678",
            RunAttempt = "2",
            Workflow = "CI",
            Sha = "5555555555555555555555555555555555555555",
            BaseRef = "main",
            HeadRef = "tune-iris",
            StepSummaryPath = "/home/runner/work/_temp/_runner_file_commands/step_summary_1",
            Workspace = "/home/runner/work/app/app",
        }, environment);
        Assert.Equal("https://github.com/octo/app/actions/runs/8012345678", environment.RunUrl);
    }

    [Fact]
    public void Outside_actions_the_defaults_are_github_com()
    {
        var environment = Read();

        Assert.False(environment.IsActions);
        Assert.Equal("https://api.github.com/", environment.ApiUrl);
        Assert.Equal("https://github.com", environment.ServerUrl);
        Assert.Null(environment.RunUrl);
    }

    [Fact]
    public void An_enterprise_api_address_keeps_its_path_and_gains_a_trailing_slash()
    {
        var environment = Read(("GITHUB_API_URL", "https://ghe.example.com/api/v3"), ("GITHUB_SERVER_URL", "https://ghe.example.com/"),
            ("GITHUB_REPOSITORY", "octo/app"), ("GITHUB_RUN_ID", "7"));

        Assert.Equal("https://ghe.example.com/api/v3/", environment.ApiUrl);
        Assert.Equal("https://ghe.example.com/octo/app/actions/runs/7", environment.RunUrl);
    }

    [Fact]
    public void Empty_values_count_as_unset()
    {
        // The runner sets GITHUB_BASE_REF and GITHUB_HEAD_REF to "" outside pull requests.
        var environment = Read(("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", ""), ("GITHUB_HEAD_REF", ""), ("GITHUB_API_URL", ""));

        Assert.Null(environment.BaseRef);
        Assert.Null(environment.HeadRef);
        Assert.Equal("https://api.github.com/", environment.ApiUrl);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("1")]
    public void Only_true_means_actions(string value) => Assert.False(Read(("GITHUB_ACTIONS", value)).IsActions);
}
