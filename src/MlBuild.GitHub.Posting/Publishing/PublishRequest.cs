using MlBuild.GitHub.Actions;
using MlBuild.GitHub.Api;

namespace MlBuild.GitHub.Publishing;

/// <summary>
/// What to post where. A class, not a record: a record's generated <c>ToString()</c> would print the token.
/// </summary>
public sealed class PublishRequest
{
    /// <summary>The report's markdown, without the marker (it is added here).</summary>
    public required string Body { get; init; }

    /// <summary>Tells this report's comment from others on the same pull request (e.g. the project's path relative
    /// to the repository, or a name the workflow chooses). Sanitized by <see cref="Comments.ReportMarker"/>.</summary>
    public required string ReportId { get; init; }

    /// <summary><c>owner/name</c> (<c>GITHUB_REPOSITORY</c>).</summary>
    public required string Repository { get; init; }

    /// <summary>The pull request's number.</summary>
    public required int PullRequestNumber { get; init; }

    /// <summary>The token to post with. Without one nothing is sent and the outcome is
    /// <see cref="PublishOutcome.NoToken"/>.</summary>
    public string? Token { get; init; }

    /// <summary>The REST API's address (<c>GITHUB_API_URL</c>), kept as given.</summary>
    public string ApiUrl { get; init; } = ActionsEnvironment.DefaultApiUrl;

    /// <summary>The login the comment is posted under, when it is neither the token's user nor
    /// <c>github-actions[bot]</c> (e.g. <c>my-app[bot]</c> for another GitHub App's installation token).</summary>
    public string? Author { get; init; }

    /// <summary>How long to retry; see <see cref="RetryOptions.FromEnvironment"/>.</summary>
    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>Where the full report can be read (typically <see cref="ActionsEnvironment.RunUrl"/>), named in the
    /// note of a report cut to fit GitHub's limit.</summary>
    public string? FullReportUrl { get; init; }

    /// <summary>Receives progress and every retry, at low importance. Never given the token.</summary>
    public Action<string>? Log { get; init; }
}
