using Azure;
using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MlBuild.Core.Caching.Remote;

namespace MlBuild.RemoteStores;

/// <summary>
/// A remote cache in an Azure Blob Storage container (<c>azure://container/prefix</c>), with the connection string of
/// AZURE_STORAGE_CONNECTION_STRING (an account key or a SAS token; Azurite's for tests). Files above
/// <see cref="RemoteCacheOptions.MultipartThreshold"/> go up in blocks. The container is created on the first upload.
/// </summary>
internal sealed class AzureBlobRemoteStore : IRemoteStore
{
    private readonly BlobContainerClient _container;
    private readonly RemoteCacheAddress _address;
    private readonly RemoteCacheOptions _options;

    public AzureBlobRemoteStore(RemoteCacheAddress address, RemoteCacheOptions options, Func<string, string?> environment)
    {
        _address = address;
        _options = options;
        var connectionString = environment(RemoteCacheCredentials.AzureConnectionStringVariable)
            ?? throw new RemoteCacheException(RemoteFault.Refused,
                $"{address.Display} needs {RemoteCacheCredentials.AzureConnectionStringVariable}, which is not set");
        var clientOptions = new BlobClientOptions
        {
            Retry =
            {
                MaxRetries = Math.Max(0, options.MaxAttempts - 1),
                Delay = options.FirstRetryDelay,
                Mode = RetryMode.Exponential,
                NetworkTimeout = options.Timeout,
            },
        };
        try
        {
            _container = new BlobContainerClient(connectionString, address.Container, clientOptions);
        }
        catch (FormatException e)
        {
            throw new RemoteCacheException(RemoteFault.Refused,
                $"{RemoteCacheCredentials.AzureConnectionStringVariable} is not a connection string ({e.Message})", e);
        }
    }

    private BlobClient Blob(string key) =>
        _container.GetBlobClient(_address.Prefix.Length > 0 ? $"{_address.Prefix.TrimEnd('/')}/{key}" : key);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Blob(key).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ProgressTimeoutStream(response.Value.Content, response.Value, _options.Timeout, $"{_address.Display}/{key}");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // the blob, or the whole container (nothing was ever uploaded): a miss either way
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(key).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    public Task PutFileAsync(string key, string path, CancellationToken cancellationToken) =>
        UploadAsync(key, cancellationToken, (blob, options) => blob.UploadAsync(path, options, cancellationToken));

    public Task PutBytesAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        UploadAsync(key, cancellationToken, (blob, options) => blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken));

    private async Task UploadAsync(string key, CancellationToken cancellationToken,
        Func<BlobClient, BlobUploadOptions, Task<Response<BlobContentInfo>>> upload)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = _options.MultipartThreshold,
                MaximumTransferSize = Math.Max(4 * 1024 * 1024, _options.MultipartThreshold),
            },
        };
        try
        {
            try
            {
                await upload(Blob(key), options).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                await upload(Blob(key), options).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    private RemoteCacheException? Fault(Exception e, string key) => e switch
    {
        RequestFailedException { Status: 401 or 403 } azure =>
            new RemoteCacheException(RemoteFault.Refused, $"{_address.Display} refused the credentials ({azure.Status} {azure.ErrorCode})", e),
        RequestFailedException { Status: >= 500 or 429 } azure =>
            new RemoteCacheException(RemoteFault.ServerError, $"{_address.Display} answered {azure.Status} {azure.ErrorCode} to {key}, {_options.MaxAttempts} times", e),
        RequestFailedException { Status: 0 } azure =>
            new RemoteCacheException(RemoteFault.Unreachable, $"{_address.Display} cannot be reached ({azure.InnerException?.Message ?? azure.Message})", e),
        RequestFailedException azure =>
            new RemoteCacheException(RemoteFault.Unexpected, $"{_address.Display} answered {azure.Status} {azure.ErrorCode} to {key}", e),
        AggregateException { InnerException: RequestFailedException { Status: 0 } } or HttpRequestException =>
            new RemoteCacheException(RemoteFault.Unreachable, $"{_address.Display} cannot be reached ({e.InnerException?.Message ?? e.Message})", e),
        TaskCanceledException or TimeoutException =>
            new RemoteCacheException(RemoteFault.TimedOut, $"{_address.Display} did not answer for {key} within {_options.Timeout.TotalSeconds:0.#} s", e),
        IOException io =>
            new RemoteCacheException(RemoteFault.InvalidEntry, $"the transfer of {key} from {_address.Display} broke off ({io.Message})", e),
        _ => null,
    };

    public void Dispose()
    {
    }
}
