using System.Security.Cryptography;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Caching.Remote;

/// <summary>What a fetch from the remote cache found.</summary>
internal enum RemoteFetchResult { Miss, Restored }

/// <summary>What a push to the remote cache did.</summary>
internal enum RemotePushResult { Uploaded, AlreadyThere, NotInLocalCache }

/// <summary>
/// Moves whole entries between the local model cache and a remote store. A fetch downloads every file straight into a
/// staging folder of the local cache, streamed and hashed on the way, and commits the entry only when every file has
/// its manifest's size and SHA-256 and the local cache's own check (its lock entry's XXH128) passes too: a damaged
/// download is dropped, never restored. A push uploads the files first and the manifest last, so that readers see an
/// entry whole or not at all.
/// </summary>
internal sealed class RemoteModelCache(IRemoteStore store, ModelCache local)
{
    private const int CopyBufferSize = 1 << 16;

    public async Task<RemoteFetchResult> FetchAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var manifestKey = RemoteCacheKeys.Manifest(fingerprint);
        byte[] manifestBytes;
        await using (var manifestStream = await store.OpenReadAsync(manifestKey, cancellationToken).ConfigureAwait(false))
        {
            if (manifestStream is null)
                return RemoteFetchResult.Miss;
            manifestBytes = await ReadBoundedAsync(manifestStream, RemoteEntryManifest.MaxBytes, manifestKey, cancellationToken)
                .ConfigureAwait(false);
        }
        var manifest = RemoteEntryManifest.Parse(manifestBytes, fingerprint);

        var staging = local.CreateStaging();
        try
        {
            foreach (var file in manifest.Files)
                await DownloadAsync(file, Path.Combine(staging, file.Name), cancellationToken).ConfigureAwait(false);
            local.CommitStaged(staging, fingerprint, manifest.Entry);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        // The local cache checks the files against the lock entry as it checks every hit, and discards the entry if
        // they do not match: a manifest whose hashes agree with its files but not with its own lock entry.
        if (local.Find(fingerprint).Result != CacheLookupResult.Hit)
            throw new RemoteCacheException(RemoteFault.InvalidEntry,
                "its files do not match the lock entry it records; the entry was discarded");
        return RemoteFetchResult.Restored;
    }

    public async Task<RemotePushResult> PushAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var hit = local.Find(fingerprint);
        if (hit.Result != CacheLookupResult.Hit)
            return RemotePushResult.NotInLocalCache;
        var manifestKey = RemoteCacheKeys.Manifest(fingerprint);
        if (await store.ExistsAsync(manifestKey, cancellationToken).ConfigureAwait(false))
            return RemotePushResult.AlreadyThere;

        var files = new List<RemoteEntryFile>();
        foreach (var (name, path) in ModelCache.EntryFiles(hit))
        {
            var sha256 = await RemoteCacheKeys.Sha256OfFileAsync(path, cancellationToken).ConfigureAwait(false);
            var key = RemoteCacheKeys.Content(sha256);
            // Content-addressed: a file another entry uploaded already (the same profile, say) is not sent again.
            if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                await store.PutFileAsync(key, path, cancellationToken).ConfigureAwait(false);
            files.Add(new RemoteEntryFile(name, sha256, new FileInfo(path).Length));
        }
        var manifest = new RemoteEntryManifest(fingerprint, hit.Entry!, files);
        await store.PutBytesAsync(manifestKey, manifest.ToBytes(), cancellationToken).ConfigureAwait(false);
        return RemotePushResult.Uploaded;
    }

    private async Task DownloadAsync(RemoteEntryFile file, string destination, CancellationToken cancellationToken)
    {
        var key = RemoteCacheKeys.Content(file.Sha256);
        await using var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new RemoteCacheException(RemoteFault.InvalidEntry, $"the entry is incomplete: {file.Name} ({key}) is missing");
        await using var target = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None,
            CopyBufferSize, FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBufferSize];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            size += read;
            if (size > file.Size)
                break; // more than the manifest says: no need to read the rest
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        if (size != file.Size)
            throw new RemoteCacheException(RemoteFault.InvalidEntry,
                $"{file.Name} ({key}) has {(size > file.Size ? "more" : size.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes where its manifest says {file.Size}");
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256)
            throw new RemoteCacheException(RemoteFault.InvalidEntry, $"{file.Name} ({key}) does not hash to its key");
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, int maxBytes, string key, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[CopyBufferSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new RemoteCacheException(RemoteFault.InvalidEntry, $"{key} is larger than any manifest ({maxBytes} bytes)");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
