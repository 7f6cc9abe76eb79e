namespace MlBuild.StandIn.State;

/// <summary>A commit of a stand-in repository: the files it changed, and its parent.</summary>
public sealed record StandInCommit(
    string Sha,
    string? ParentSha,
    string Message,
    DateTimeOffset Date,
    IReadOnlyDictionary<string, string> Files);
