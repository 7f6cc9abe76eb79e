using System.Collections.Concurrent;
using MlBuild.GitHub.Api;
using MlBuild.GitHub.Publishing;
using MlBuild.StandIn;

namespace MlBuild.GitHub.Tests.Support;

/// <summary>Publishes to a stand-in the way the task and the tool do, keeping the log lines.</summary>
internal sealed class TestPublish(string apiUrl, string? token)
{
    public const string Repository = "octo/app";
    public const int Number = 7;
    public const string ReportId = "samples/Iris";

    /// <summary>Waits a hundredth of what GitHub asks: a 60-second rate limit takes 0.6 s.</summary>
    public const double WaitScale = 0.01;

    public ConcurrentQueue<string> Log { get; } = new();

    public RetryOptions Retry { get; init; } = RetryOptions.Default with { WaitScale = WaitScale };

    public string? Author { get; init; }

    public string ApiUrl { get; init; } = apiUrl;

    public Task<PublishResult> RunAsync(string body, string reportId = ReportId, int number = Number) =>
        ReportPublisher.PublishAsync(new PublishRequest
        {
            Body = body,
            ReportId = reportId,
            Repository = Repository,
            PullRequestNumber = number,
            Token = token,
            ApiUrl = ApiUrl,
            Author = Author,
            Retry = Retry,
            FullReportUrl = "https://github.com/octo/app/actions/runs/42",
            Log = Log.Enqueue,
        });

    /// <summary>A stand-in with a workflow's GITHUB_TOKEN (an installation token that cannot read /user).</summary>
    public static async Task<(GitHubStandIn GitHub, TestPublish Publish)> WithActionsTokenAsync(string token = "ghs_actions_token_0123456789")
    {
        var github = await GitHubStandIn.StartAsync();
        github.AddInstallationToken(token);
        return (github, new TestPublish(github.ApiUrl, token));
    }
}
