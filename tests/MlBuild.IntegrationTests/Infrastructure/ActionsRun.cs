using System.Text.Json;
using MlBuild.StandIn;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>
/// The environment GitHub Actions gives a step of a pull request's run, pointed at a local GitHub API stand-in:
/// the variables, the event payload file and the step summary file (both under the project's folder).
/// </summary>
public sealed class ActionsRun
{
    public const string Repository = "octo/models";
    public const int PullRequest = 7;
    public const string HeadSha = "0123456789abcdef0123456789abcdef01234567";

    private readonly GitHubStandIn _github;
    private readonly TestProject _project;

    public ActionsRun(GitHubStandIn github, TestProject project, string? token)
    {
        _github = github;
        _project = project;
        Token = token;
        StepSummary = project.PathOf("actions/step-summary.md");
        EventPath = project.PathOf("actions/event.json");
        Directory.CreateDirectory(Path.GetDirectoryName(EventPath)!);
        File.WriteAllText(EventPath, JsonSerializer.Serialize(new
        {
            action = "synchronize",
            number = PullRequest,
            pull_request = new
            {
                number = PullRequest,
                head = new { sha = HeadSha, @ref = "feature", repo = new { full_name = Repository } },
                @base = new { sha = "fedcba9876543210fedcba9876543210fedcba98", @ref = "main", repo = new { full_name = Repository } },
            },
            repository = new { full_name = Repository },
        }));
    }

    public string? Token { get; }
    public string StepSummary { get; }
    public string EventPath { get; }
    public int RunId { get; set; } = 1001;

    public string StepSummaryText => File.Exists(StepSummary) ? File.ReadAllText(StepSummary) : "";

    /// <summary>The variables of the step, with waits shortened a hundredfold (MLBUILD_GITHUB_WAIT_SCALE).</summary>
    public IReadOnlyDictionary<string, string?> Environment(string eventName = "pull_request") => new Dictionary<string, string?>
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = eventName,
        ["GITHUB_EVENT_PATH"] = EventPath,
        ["GITHUB_REPOSITORY"] = Repository,
        ["GITHUB_API_URL"] = _github.ApiUrl,
        ["GITHUB_SERVER_URL"] = _github.ServerUrl,
        ["GITHUB_RUN_ID"] = RunId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GITHUB_RUN_ATTEMPT"] = "1",
        ["GITHUB_SHA"] = "89abcdef0123456789abcdef0123456789abcdef",
        ["GITHUB_WORKFLOW"] = "CI",
        ["GITHUB_WORKSPACE"] = _project.Directory,
        ["GITHUB_STEP_SUMMARY"] = StepSummary,
        ["GITHUB_TOKEN"] = Token,
        ["MLBUILD_GITHUB_WAIT_SCALE"] = "0.01",
    };
}
