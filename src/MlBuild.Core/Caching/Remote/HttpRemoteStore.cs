using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// The HTTP build-cache protocol as bazel-remote, nginx with WebDAV and artifact stores serve it: <c>GET</c> to fetch,
/// <c>PUT</c> to store, <c>HEAD</c> to ask (a <c>GET</c> whose body is dropped where the server refuses <c>HEAD</c>),
/// 404 a miss. 5xx, 429 and refused connections are retried with backoff (Retry-After honoured up to a bound); a timeout
/// is not, since waiting again is what an outage must not cost.
/// </summary>
internal sealed class HttpRemoteStore : IRemoteStore
{
    private readonly HttpClient _client;
    private readonly RemoteCacheAddress _address;
    private readonly RemoteCacheOptions _options;
    private readonly Action<string> _progress;
    private bool _headRefused;

    /// <param name="progress">Lines for the detailed log: retries and what the server said.</param>
    public HttpRemoteStore(RemoteCacheAddress address, RemoteCacheOptions options, Func<string, string?> environment,
        Action<string>? progress = null)
    {
        _address = address;
        _options = options;
        _progress = progress ?? (_ => { });
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var baseUri = new UriBuilder(address.Uri) { UserName = "", Password = "" }.Uri;
        _client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Authorization = RemoteCacheCredentials.For(address, environment);
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("MlBuild", "1"));
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, key), _options.Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ProgressTimeoutStream(body, response, _options.Timeout, $"{_address.Display}/{key}");
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        if (!_headRefused)
        {
            using var head = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, key), _options.Timeout,
                cancellationToken, allowMethodRefusal: true).ConfigureAwait(false);
            if (head.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented))
                return head.IsSuccessStatusCode;
            _headRefused = true;
            _progress($"{_address.Display} refuses HEAD ({(int)head.StatusCode}): asking with GET");
        }
        using var get = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, key), _options.Timeout, cancellationToken)
            .ConfigureAwait(false);
        return get.IsSuccessStatusCode;
    }

    public async Task PutFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        var limit = _options.Timeout + TimeSpan.FromSeconds(length / (double)_options.MinUploadBytesPerSecond);
        using var response = await SendAsync(() =>
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
                FileOptions.SequentialScan | FileOptions.Asynchronous);
            var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentLength = length;
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Put, key) { Content = content };
        }, limit, cancellationToken).ConfigureAwait(false);
        EnsureStored(response, key);
    }

    public async Task PutBytesAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var body = new ReadOnlyMemoryContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Put, key) { Content = body };
        }, _options.Timeout, cancellationToken).ConfigureAwait(false);
        EnsureStored(response, key);
    }

    private void EnsureStored(HttpResponseMessage response, string key)
    {
        if (!response.IsSuccessStatusCode)
            throw new RemoteCacheException(RemoteFault.Unexpected,
                $"{_address.Display} did not store {key}: {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>Sends a request (made afresh for each attempt) and returns its response once its headers are in: a
    /// success, a 404, or (<paramref name="allowMethodRefusal"/>) 405/501. Throws <see cref="RemoteCacheException"/>
    /// for the rest, after the retries.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, TimeSpan timeout,
        CancellationToken cancellationToken, bool allowMethodRefusal = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RemoteCacheException(RemoteFault.TimedOut,
                    $"{_address.Display} did not answer {request.Method} {request.RequestUri} within {timeout.TotalSeconds:0.#} s", e);
            }
            catch (HttpRequestException e)
            {
                var message = $"{_address.Display} cannot be reached ({Reason(e)})";
                if (await WaitToRetryAsync(attempt, null, message, cancellationToken).ConfigureAwait(false))
                    continue;
                throw new RemoteCacheException(RemoteFault.Unreachable, message, e);
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound
                || (allowMethodRefusal && status is 405 or 501))
                return response;
            using (response)
            {
                if (status is 401 or 403)
                    throw new RemoteCacheException(RemoteFault.Refused,
                        $"{_address.Display} refused the credentials ({status} {response.ReasonPhrase})");
                if (status is >= 500 or 429 or 408)
                {
                    var message = $"{_address.Display} answered {status} {response.ReasonPhrase} to {request.Method} {request.RequestUri}";
                    if (await WaitToRetryAsync(attempt, RetryAfter(response), message, cancellationToken).ConfigureAwait(false))
                        continue;
                    throw new RemoteCacheException(RemoteFault.ServerError,
                        $"{message}, {attempt} time{(attempt == 1 ? "" : "s")}");
                }
                throw new RemoteCacheException(RemoteFault.Unexpected,
                    $"{_address.Display} answered {status} {response.ReasonPhrase} to {request.Method} {request.RequestUri}");
            }
        }
    }

    private async Task<bool> WaitToRetryAsync(int attempt, TimeSpan? retryAfter, string what, CancellationToken cancellationToken)
    {
        if (_options.DelayBefore(attempt + 1, retryAfter) is not { } delay)
            return false;
        _progress($"{what}; trying again in {delay.TotalSeconds:0.##} s");
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.HttpRequestError.ToString();

    public void Dispose() => _client.Dispose();
}
