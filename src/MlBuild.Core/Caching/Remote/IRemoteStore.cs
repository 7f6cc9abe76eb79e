namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// A store that holds a remote cache's blobs by key (<c>ac/…</c>, <c>cas/…</c>): an HTTP cache server, an S3 bucket,
/// an Azure container. Each call retries what is worth retrying and throws <see cref="RemoteCacheException"/> for the
/// rest; a missing blob is not a fault.
/// </summary>
internal interface IRemoteStore : IDisposable
{
    /// <summary>The blob's content as a stream to read once; null when the store does not have it.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a file's content under the key, streamed from disk (large files in parts, where the store has them).</summary>
    Task PutFileAsync(string key, string path, CancellationToken cancellationToken);

    Task PutBytesAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
