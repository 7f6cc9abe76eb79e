using MlBuild.GitHub.Publishing;
using MlBuild.StandIn;
using MlBuild.Core.Reporting;

namespace MlBuild.Core.Tests.Reporting;

/// <summary>The rendered report as GitHub receives it: posted through the real Octokit client to the API stand-in,
/// which refuses a comment over 65,536 characters as GitHub does (422).</summary>
public sealed class ReportPostingTests
{
    [Fact]
    public async Task A_report_of_fifty_models_is_accepted_as_one_comment_under_GitHubs_limit()
    {
        await using var github = await GitHubStandIn.StartAsync();
        github.AddInstallationToken("ghs_budget");
        var report = ReportBudgetTests.ManyModels(50);

        var result = await ReportPublisher.PublishAsync(new PublishRequest
        {
            Body = MarkdownReport.Render(report),
            ReportId = "CI:models/Models.csproj",
            Repository = "octo/models",
            PullRequestNumber = 3,
            Token = "ghs_budget",
            ApiUrl = github.ApiUrl,
        });

        Assert.Equal(PublishOutcome.Created, result.Outcome);
        Assert.False(result.Truncated, "the renderer kept the report within its own budget");
        var comment = Assert.Single(github.Comments("octo/models", 3));
        Assert.True(comment.Body.Length < ReportPublisher.MaxCommentLength, $"{comment.Body.Length} characters");
        Assert.All(report.Models, model => Assert.Contains($" {model.Name}\n", comment.Body));
    }
}
