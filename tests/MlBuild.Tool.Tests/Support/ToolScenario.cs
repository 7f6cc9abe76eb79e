using System.Text.Json;
using MlBuild.GitHub.Reports;
using MlBuild.StandIn;

namespace MlBuild.Tool.Tests.Support;

/// <summary>What one run of the tool printed and returned.</summary>
internal sealed record ToolRun(int ExitCode, string Output);

/// <summary>
/// A GitHub Actions step around the tool: a GitHub stand-in, a workflow's GITHUB_TOKEN, the runner's variables
/// pointing at both, and a folder for saved reports and event payloads. Every run goes through the tool's real entry
/// point with these variables, never the process's, so scenarios run in parallel.
/// </summary>
internal sealed class ToolScenario : IAsyncDisposable
{
    public const string Repository = "octo/app";
    public const int Number = 7;
    public const string Token = "ghs_tool_test_token_5f3a9c0e1d";
    public const string HeadSha = "1f0c6b2d9e8a7f6e5d4c3b2a190817263544a5b6";
    public const string BaseSha = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";

    ToolScenario(GitHubStandIn gitHub, string folder)
    {
        GitHub = gitHub;
        Folder = folder;
        Environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = Repository,
            ["GITHUB_API_URL"] = gitHub.ApiUrl,
            ["GITHUB_SERVER_URL"] = gitHub.ServerUrl,
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_TOKEN"] = Token,
            // A 60-second rate limit waits 0.6 s.
            ["MLBUILD_GITHUB_WAIT_SCALE"] = "0.01",
        };
    }

    public GitHubStandIn GitHub { get; }

    public string Folder { get; }

    public Dictionary<string, string?> Environment { get; }

    public static async Task<ToolScenario> StartAsync(bool readOnlyToken = false)
    {
        var gitHub = await GitHubStandIn.StartAsync();
        gitHub.AddInstallationToken(Token, readOnly: readOnlyToken);
        var folder = Directory.CreateTempSubdirectory("mlbuild-tool-tests-").FullName;
        return new ToolScenario(gitHub, folder);
    }

    /// <summary>Saves a report the way the Evaluate target does, in a folder of its own; returns the folder.</summary>
    public string SaveReport(string name, string markdown, string reportId = "samples", int? pullRequest = null, string? headSha = null,
        bool? passed = null, string? project = null)
    {
        var directory = Path.Combine(Folder, "reports", name);
        new SavedReport
        {
            ReportId = reportId,
            Markdown = markdown,
            Repository = Repository,
            PullRequestNumber = pullRequest,
            HeadSha = headSha,
            RunUrl = "https://github.com/octo/app/actions/runs/1000",
            Passed = passed,
            Project = project,
        }.Save(directory);
        return directory;
    }

    /// <summary>The runner's payload for a pull_request event (from a fork, as the fork-safe pattern has it).</summary>
    public void OnPullRequest(int number = Number, string headSha = HeadSha, string eventName = "pull_request") =>
        SetEvent(eventName, new
        {
            action = "synchronize",
            number,
            pull_request = new
            {
                number,
                head = new { sha = headSha, @ref = "feature", repo = new { full_name = "fork/app" } },
                @base = new { sha = BaseSha, @ref = "main", repo = new { full_name = Repository } },
            },
            repository = new { full_name = Repository },
        });

    /// <summary>The runner's payload for a workflow_run event that followed a fork's CI run: GitHub lists no pull
    /// request for a fork, and head_sha is the commit that run evaluated.</summary>
    public void OnWorkflowRun(string headSha = HeadSha, int? listedPullRequest = null) =>
        SetEvent("workflow_run", new
        {
            action = "completed",
            workflow_run = new
            {
                id = 1000,
                name = "CI",
                @event = "pull_request",
                head_sha = headSha,
                head_branch = "feature",
                pull_requests = listedPullRequest is { } n ? new object[] { new { number = n, @base = new { sha = BaseSha, @ref = "main" } } } : [],
                repository = new { full_name = Repository },
                head_repository = new { full_name = "fork/app" },
            },
            repository = new { full_name = Repository },
        });

    void SetEvent(string name, object payload)
    {
        var path = Path.Combine(Folder, $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(payload));
        Environment["GITHUB_EVENT_NAME"] = name;
        Environment["GITHUB_EVENT_PATH"] = path;
    }

    /// <summary>Runs <c>mlbuild</c> with these arguments through its real entry point. Whatever happened, the token
    /// must not be in what it printed.</summary>
    public async Task<ToolRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await Program.RunAsync(args, Environment, output);
        var text = output.ToString();
        Assert.DoesNotContain(Token, text);
        return new ToolRun(exitCode, text);
    }

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not a failed test.
        }
    }
}
