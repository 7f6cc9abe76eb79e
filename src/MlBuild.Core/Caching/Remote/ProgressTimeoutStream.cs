namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// A download's body that must keep moving: each read gets the timeout anew, so that a file of any size may take as long
/// as it needs, and a server that stops sending fails in seconds instead of hanging the build. A body that ends early or
/// breaks off is an invalid entry, never a shorter file. Disposing it releases the response.
/// </summary>
internal sealed class ProgressTimeoutStream(Stream inner, IDisposable response, TimeSpan timeout, string what) : Stream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await inner.ReadAsync(buffer, timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteCacheException(RemoteFault.TimedOut, $"the download of {what} stalled for {timeout.TotalSeconds:0.#} s", e);
        }
        catch (IOException e)
        {
            throw new RemoteCacheException(RemoteFault.InvalidEntry, $"the download of {what} broke off ({e.Message})", e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
