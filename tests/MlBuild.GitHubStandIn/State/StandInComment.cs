namespace MlBuild.StandIn.State;

/// <summary>An issue or pull-request comment as the stand-in stores it.</summary>
public sealed record StandInComment(
    long Id,
    string Repository,
    int IssueNumber,
    string Login,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
