namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// How patient MlBuild is with a remote cache. The defaults bound an outage to seconds per build: the first fault that
/// survives the retries turns the remote off for the rest of the build (<see cref="RemoteCacheSession"/>).
/// </summary>
internal sealed record RemoteCacheOptions
{
    /// <summary>Connecting (TCP and TLS).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waiting for an answer, and for each next piece of a download (MlBuildRemoteCacheTimeout): a transfer of
    /// any size may take as long as it keeps moving.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The slowest upload accepted, for the whole of a PUT: its time limit grows with the file's size.</summary>
    public long MinUploadBytesPerSecond { get; init; } = 1024 * 1024;

    /// <summary>Attempts of one request that failed with 5xx, 429 or no connection.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the second attempt; each later wait is four times longer.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest Retry-After honoured: a server that asks for more is treated as down.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Lookups and downloads at once when several models miss locally.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>S3 (and compatible stores): files above this size are uploaded in parts.</summary>
    public long MultipartThreshold { get; init; } = 16 * 1024 * 1024;

    /// <summary>The endpoint of an S3-compatible store (MinIO, Ceph, R2) instead of AWS (MlBuildRemoteCacheEndpoint).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2, 3…), or the server's Retry-After when it
    /// gave one; null when no attempt is left or the server asks for longer than <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan? DelayBefore(int nextAttempt, TimeSpan? retryAfter)
    {
        if (nextAttempt > MaxAttempts)
            return null;
        if (retryAfter is { } asked)
            return asked <= MaxRetryAfter ? asked : null;
        return FirstRetryDelay * Math.Pow(4, nextAttempt - 2);
    }
}
