using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using MlBuild.Core.Caching.Remote;

namespace MlBuild.RemoteStores;

/// <summary>
/// A remote cache in an S3 bucket (<c>s3://bucket/prefix</c>), or in an S3-compatible store (MinIO, Ceph, R2) at
/// MlBuildRemoteCacheEndpoint, with the AWS SDK's own credential chain (variables, profile, the runner's role). Files
/// above <see cref="RemoteCacheOptions.MultipartThreshold"/> go up in parts. The SDK retries 5xx and throttling itself,
/// with its own backoff, as many times as the options allow.
/// </summary>
internal sealed class S3RemoteStore : IRemoteStore
{
    private readonly AmazonS3Client _client;
    private readonly RemoteCacheAddress _address;
    private readonly RemoteCacheOptions _options;

    public S3RemoteStore(RemoteCacheAddress address, RemoteCacheOptions options, Func<string, string?> environment)
    {
        _address = address;
        _options = options;
        var config = new AmazonS3Config
        {
            Timeout = options.Timeout,
            MaxErrorRetry = Math.Max(0, options.MaxAttempts - 1),
            // Checksums only where S3 requires them: compatible stores do not all read the SDK's trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION") ?? "us-east-1";
        }
        _client = new AmazonS3Client(config);
    }

    private string ObjectKey(string key) => _address.Prefix.Length > 0 ? $"{_address.Prefix.TrimEnd('/')}/{key}" : key;

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_address.Container, ObjectKey(key), cancellationToken).ConfigureAwait(false);
            return new ProgressTimeoutStream(response.ResponseStream, response, _options.Timeout, $"{_address.Display}/{key}");
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
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
            await _client.GetObjectMetadataAsync(_address.Container, ObjectKey(key), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    public async Task PutFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        try
        {
            var transfer = new TransferUtility(_client, new TransferUtilityConfig
            {
                MinSizeBeforePartUpload = _options.MultipartThreshold,
            });
            await transfer.UploadAsync(new TransferUtilityUploadRequest
            {
                BucketName = _address.Container,
                Key = ObjectKey(key),
                FilePath = path,
                PartSize = Math.Max(5 * 1024 * 1024, _options.MultipartThreshold),
                ContentType = "application/octet-stream",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    public async Task PutBytesAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(content.ToArray(), writable: false);
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _address.Container,
                Key = ObjectKey(key),
                InputStream = body,
                ContentType = "application/octet-stream",
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>What an SDK exception means for the build; null for one that is not the store's (a bug: let it surface).</summary>
    private RemoteCacheException? Fault(Exception e, string key) => e switch
    {
        AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } s3 =>
            new RemoteCacheException(RemoteFault.Refused, $"{_address.Display} refused the credentials ({(int)s3.StatusCode} {s3.ErrorCode})", e),
        AmazonS3Exception { ErrorCode: "NoSuchBucket" } =>
            new RemoteCacheException(RemoteFault.Unexpected, $"the bucket of {_address.Display} does not exist", e),
        AmazonS3Exception s3 when (int)s3.StatusCode >= 500 || (int)s3.StatusCode == 429 || s3.ErrorCode == "SlowDown" =>
            new RemoteCacheException(RemoteFault.ServerError, $"{_address.Display} answered {(int)s3.StatusCode} {s3.ErrorCode} to {key}, {_options.MaxAttempts} times", e),
        AmazonS3Exception s3 =>
            new RemoteCacheException(RemoteFault.Unexpected, $"{_address.Display} answered {(int)s3.StatusCode} {s3.ErrorCode} to {key}", e),
        AmazonClientException { InnerException: HttpRequestException http } =>
            new RemoteCacheException(RemoteFault.Unreachable, $"{_address.Display} cannot be reached ({http.HttpRequestError})", e),
        HttpRequestException http =>
            new RemoteCacheException(RemoteFault.Unreachable, $"{_address.Display} cannot be reached ({http.HttpRequestError})", e),
        AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
            new RemoteCacheException(RemoteFault.Refused, $"{_address.Display}: no AWS credentials were found ({client.Message})", e),
        TaskCanceledException or TimeoutException =>
            new RemoteCacheException(RemoteFault.TimedOut, $"{_address.Display} did not answer for {key} within {_options.Timeout.TotalSeconds:0.#} s", e),
        IOException io =>
            new RemoteCacheException(RemoteFault.InvalidEntry, $"the transfer of {key} from {_address.Display} broke off ({io.Message})", e),
        _ => null,
    };

    public void Dispose() => _client.Dispose();
}
