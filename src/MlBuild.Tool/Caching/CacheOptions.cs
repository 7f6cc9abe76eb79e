namespace MlBuild.Tool.Caching;

/// <summary>What every <c>mlbuild cache</c> command is given: the local cache, and for fetch and push the remote.</summary>
internal sealed record CacheOptions(string? CacheDirectory, string? Remote = null, string? Endpoint = null,
    double? TimeoutSeconds = null, bool Outcomes = false);
