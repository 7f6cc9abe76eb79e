namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// A build's remote cache, whichever process talks to it: <see cref="RemoteCacheSession"/> in this one (HTTP), or the
/// mlbuild tool's (S3 and Azure, whose SDKs must not load into MSBuild). Either way one circuit breaker and one warning
/// per build.
/// </summary>
internal interface IRemoteModelCache : IDisposable
{
    RemoteCacheAddress Address { get; }

    /// <summary>Whether a fault turned the remote off for the rest of the build.</summary>
    bool IsDisabled { get; }

    /// <summary>True once: the first fault of a build is its warning, the rest are details.</summary>
    bool TryClaimWarning();

    /// <summary>Where details (retries, what a server said) go; each task sets its own log while it uses the cache.</summary>
    Action<string>? Progress { get; set; }

    Task<IReadOnlyList<RemoteOutcome>> FetchAsync(IReadOnlyList<string> fingerprints, ModelCache local,
        CancellationToken cancellationToken);

    Task<RemoteOutcome> PushAsync(string fingerprint, ModelCache local, CancellationToken cancellationToken);
}
