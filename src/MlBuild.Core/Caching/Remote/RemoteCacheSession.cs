namespace MlBuild.Core.Caching.Remote;

/// <summary>What happened to one model's entry on the remote cache.</summary>
internal sealed record RemoteOutcome(string Fingerprint, RemoteFetchResult? Fetched = null, RemotePushResult? Pushed = null,
    RemoteCacheException? Fault = null, bool Skipped = false);

/// <summary>
/// One build's use of one remote cache: lookups of several models at once (bounded), and a circuit breaker. The first
/// fault that survives the store's retries (down, refused, timed out) turns the remote off for the rest of the session,
/// as Gradle does, so that an outage costs one timeout per build, not one per model. An invalid entry only loses that
/// entry. The build warns once per session (<see cref="TryClaimWarning"/>); later faults are details.
/// </summary>
internal sealed class RemoteCacheSession : IRemoteModelCache
{
    private readonly IRemoteStore _store;
    private readonly RemoteCacheOptions _options;
    private readonly CancellationTokenSource _disabled = new();
    private int _warned;

    /// <param name="openStore">Opens the store, given where its details go (<see cref="Progress"/>).</param>
    public RemoteCacheSession(RemoteCacheAddress address, RemoteCacheOptions options,
        Func<Action<string>, IRemoteStore> openStore)
    {
        Address = address;
        _options = options;
        _store = openStore(line => Progress?.Invoke(line));
    }

    public RemoteCacheAddress Address { get; }

    public Action<string>? Progress { get; set; }

    /// <summary>Whether a fault turned the remote off for the rest of this session.</summary>
    public bool IsDisabled => _disabled.IsCancellationRequested;

    /// <summary>True once: the first fault of a session is the build's warning, the rest are details.</summary>
    public bool TryClaimWarning() => Interlocked.Exchange(ref _warned, 1) == 0;

    /// <summary>Looks every fingerprint up on the remote and restores the hits into the local cache, a few at once.</summary>
    public async Task<IReadOnlyList<RemoteOutcome>> FetchAsync(IReadOnlyList<string> fingerprints, ModelCache local,
        CancellationToken cancellationToken)
    {
        var remote = new RemoteModelCache(_store, local);
        using var gate = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        var outcomes = fingerprints.Select(async fingerprint =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunAsync(fingerprint, async token =>
                    new RemoteOutcome(fingerprint, Fetched: await remote.FetchAsync(fingerprint, token).ConfigureAwait(false)),
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return await Task.WhenAll(outcomes).ConfigureAwait(false);
    }

    public Task<RemoteOutcome> PushAsync(string fingerprint, ModelCache local, CancellationToken cancellationToken) =>
        RunAsync(fingerprint, async token =>
            new RemoteOutcome(fingerprint, Pushed: await new RemoteModelCache(_store, local).PushAsync(fingerprint, token)
                .ConfigureAwait(false)),
            cancellationToken);

    private async Task<RemoteOutcome> RunAsync(string fingerprint, Func<CancellationToken, Task<RemoteOutcome>> operation,
        CancellationToken cancellationToken)
    {
        if (IsDisabled)
            return new RemoteOutcome(fingerprint, Skipped: true);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disabled.Token);
        try
        {
            return await operation(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disabled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Another lookup of this session found the remote down while this one waited on it.
            return new RemoteOutcome(fingerprint, Skipped: true);
        }
        catch (RemoteCacheException e)
        {
            if (e.DisablesRemote)
                await _disabled.CancelAsync().ConfigureAwait(false);
            return new RemoteOutcome(fingerprint, Fault: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The local side of a transfer (the cache's disk): the remote is fine, this entry is not restored.
            return new RemoteOutcome(fingerprint, Fault: new RemoteCacheException(RemoteFault.InvalidEntry,
                $"the local cache could not take the download ({e.Message})", e));
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _disabled.Dispose();
    }
}
