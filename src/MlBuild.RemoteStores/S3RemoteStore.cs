using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
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
        // Keys in the given environment are used as they are (the tool's tests give their own); anything else is the
        // SDK's credential chain: a profile, web identity, the instance's or runner's role.
        _client = environment("AWS_ACCESS_KEY_ID") is { Length: > 0 } accessKey
                  && environment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secretKey
            ? new AmazonS3Client(environment("AWS_SESSION_TOKEN") is { Length: > 0 } session
                ? new SessionAWSCredentials(accessKey, secretKey, session)
                : new BasicAWSCredentials(accessKey, secretKey), config)
            : new AmazonS3Client(config);
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
            var length = new FileInfo(path).Length;
            if (length <= _options.MultipartThreshold)
                await _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _address.Container,
                    Key = ObjectKey(key),
                    FilePath = path,
                    ContentType = "application/octet-stream",
                    UseChunkEncoding = false,
                }, cancellationToken).ConfigureAwait(false);
            else
                await PutInPartsAsync(ObjectKey(key), path, length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Fault(e, key) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>A multipart upload, each part read by the SDK from its range of the file, one at a time; aborted on
    /// failure, so that no incomplete upload is left billing storage. Not TransferUtility: it sends parts with
    /// aws-chunked framing, which compatible stores (s3rver, older MinIO) keep as part of the content.</summary>
    private async Task PutInPartsAsync(string objectKey, string path, long length, CancellationToken cancellationToken)
    {
        var partSize = Math.Max(5L * 1024 * 1024, _options.MultipartThreshold);
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _address.Container,
            Key = objectKey,
            ContentType = "application/octet-stream",
        }, cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            for (var (number, position) = (1, 0L); position < length; number++, position += partSize)
            {
                var part = await _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _address.Container,
                    Key = objectKey,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    FilePath = path,
                    FilePosition = position,
                    PartSize = Math.Min(partSize, length - position),
                    IsLastPart = position + partSize >= length,
                    UseChunkEncoding = false,
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(number, part.ETag));
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _address.Container,
                Key = objectKey,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _client.AbortMultipartUploadAsync(_address.Container, objectKey, upload.UploadId, CancellationToken.None)
                .ConfigureAwait(false);
            throw;
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
                // A plain body: compatible stores (s3rver, older MinIO) store aws-chunked framing as the content.
                UseChunkEncoding = false,
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
