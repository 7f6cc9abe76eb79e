namespace MlBuild.StandIn.State;

/// <summary>A pull request of a stand-in repository.</summary>
public sealed record StandInPullRequest(
    string Repository,
    int Number,
    string HeadRef,
    string HeadSha,
    string BaseRef,
    string BaseSha,
    string HeadRepository);
