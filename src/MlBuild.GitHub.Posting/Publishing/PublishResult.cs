namespace MlBuild.GitHub.Publishing;

/// <summary>How a publish ended.</summary>
public enum PublishOutcome
{
    /// <summary>The report's comment was created.</summary>
    Created,

    /// <summary>The report's comment was rewritten with the new report.</summary>
    Updated,

    /// <summary>The comment already held this report: nothing was written.</summary>
    Unchanged,

    /// <summary>No token was given: no request was made.</summary>
    NoToken,

    /// <summary>The token may read but not write (403 "Resource not accessible by integration"): a pull request from
    /// a fork, or a job without <c>pull-requests: write</c>.</summary>
    ReadOnlyToken,

    /// <summary>GitHub rejected the token (401).</summary>
    BadCredentials,

    /// <summary>The repository or the pull request was not found, or the token cannot see it (404).</summary>
    NotFound,

    /// <summary>GitHub still refused for its rate limit after the allowed waits.</summary>
    RateLimited,

    /// <summary>Anything else: another status, GitHub unreachable, or an invalid request.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="ReportPublisher.PublishAsync"/>, with a message for the build log that says what
/// happened and, on failure, what to do. Never contains the token.</summary>
public sealed record PublishResult(PublishOutcome Outcome, string Message)
{
    /// <summary>The comment's page, when the report is on the pull request.</summary>
    public string? CommentUrl { get; init; }

    /// <summary>The comment's id, when the report is on the pull request.</summary>
    public long? CommentId { get; init; }

    /// <summary>How many duplicate report comments (from a concurrent run) were deleted.</summary>
    public int DuplicatesRemoved { get; init; }

    /// <summary>The report was cut to fit GitHub's limit for a comment.</summary>
    public bool Truncated { get; init; }

    /// <summary>The HTTP status of the answer that made the publish fail.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The pull request shows the report: created, updated or already up to date.</summary>
    public bool Posted => Outcome is PublishOutcome.Created or PublishOutcome.Updated or PublishOutcome.Unchanged;
}
