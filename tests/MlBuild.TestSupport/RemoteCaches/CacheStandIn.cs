using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>One request the stand-in answered.</summary>
public sealed record CacheRequest(string Method, string Path, int Status, string? Authorization);

/// <summary>
/// An HTTP build cache on http://127.0.0.1:&lt;free port&gt;/ (Kestrel), answering as bazel-remote and nginx with WebDAV
/// do (GET, HEAD, PUT; 404 for a miss), with scripted faults: statuses, Retry-After, hangs, truncated and corrupted
/// bodies, a refused HEAD, a required bearer token. Each test starts its own.
/// </summary>
public sealed class CacheStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, string PathPrefix, CacheFault Fault)> _faults = new();
    private readonly ConcurrentQueue<CacheRequest> _requests = new();
    private readonly List<(string Method, string PathPrefix, CacheFault Fault)> _always = [];

    private int _inFlight;
    private int _maxInFlight;

    private CacheStandIn(WebApplication app) => _app = app;

    /// <summary>The most requests that were being answered at one moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>The cache's address with a trailing slash, e.g. http://127.0.0.1:5123/cache/.</summary>
    public string Url { get; private set; } = "";

    /// <summary>A bearer token every request must carry (401 otherwise); null for none.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Answers HEAD with 405, as some artifact stores do.</summary>
    public bool RefuseHead { get; set; }

    public IReadOnlyList<CacheRequest> Requests => _requests.ToArray();

    public IReadOnlyDictionary<string, byte[]> Blobs => _blobs;

    /// <summary>The next request of this method whose path (below the cache) starts with the prefix gets the fault.</summary>
    public void Enqueue(string method, string pathPrefix, CacheFault fault) => _faults.Enqueue((method, pathPrefix, fault));

    /// <summary>Every request of this method whose path starts with the prefix gets the fault.</summary>
    public void Always(string method, string pathPrefix, CacheFault fault)
    {
        lock (_always)
            _always.Add((method, pathPrefix, fault));
    }

    public static async Task<CacheStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var standIn = new CacheStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Url = address.TrimEnd('/') + "/cache/";
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        var key = path.StartsWith("/cache/", StringComparison.Ordinal) ? path["/cache/".Length..] : path.TrimStart('/');
        var authorization = context.Request.Headers.Authorization.ToString();
        var inFlight = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < inFlight && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
        {
        }
        try
        {
            await AnswerAsync(context, method, key, authorization).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _requests.Enqueue(new CacheRequest(method, key, context.Response.StatusCode, authorization.Length > 0 ? authorization : null));
        }
    }

    private async Task<int> AnswerAsync(HttpContext context, string method, string key, string authorization)
    {
        var response = context.Response;
        if (RequiredToken is not null && authorization != "Bearer " + RequiredToken)
            return response.StatusCode = 401;
        if (TakeFault(method, key) is { } fault)
        {
            switch (fault)
            {
                case CacheFault.Status(var code, var retryAfter):
                    if (retryAfter is { } seconds)
                        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return response.StatusCode = code;
                case CacheFault.Hang(var duration):
                    try
                    {
                        await Task.Delay(duration, context.RequestAborted).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    context.Abort();
                    return 0;
                case CacheFault.Truncate(var bytes) when _blobs.TryGetValue(key, out var whole):
                    response.ContentLength = whole.Length;
                    await response.Body.WriteAsync(whole.AsMemory(0, Math.Min(bytes, whole.Length))).ConfigureAwait(false);
                    await response.Body.FlushAsync().ConfigureAwait(false);
                    // Let the headers and the first bytes reach the client: a connection closed before any answer is
                    // one the client may send again on a new connection, which is not a truncated body.
                    await Task.Delay(200).ConfigureAwait(false);
                    context.Abort();
                    return 200;
                case CacheFault.Corrupt when _blobs.TryGetValue(key, out var original):
                    var changed = (byte[])original.Clone();
                    changed[changed.Length / 2] ^= 0xFF;
                    response.ContentLength = changed.Length;
                    await response.Body.WriteAsync(changed).ConfigureAwait(false);
                    return 200;
            }
        }
        switch (method)
        {
            case "GET" when _blobs.TryGetValue(key, out var blob):
                response.ContentType = "application/octet-stream";
                response.ContentLength = blob.Length;
                await response.Body.WriteAsync(blob).ConfigureAwait(false);
                return 200;
            case "HEAD" when RefuseHead:
                return response.StatusCode = 405;
            case "HEAD" when _blobs.TryGetValue(key, out var blob):
                response.ContentLength = blob.Length;
                return 200;
            case "GET" or "HEAD":
                return response.StatusCode = 404;
            case "PUT":
                using (var body = new MemoryStream())
                {
                    await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
                    _blobs[key] = body.ToArray();
                }
                return response.StatusCode = 201;
            default:
                return response.StatusCode = 405;
        }
    }

    private CacheFault? TakeFault(string method, string key)
    {
        lock (_always)
            foreach (var (m, prefix, fault) in _always)
                if (m == method && key.StartsWith(prefix, StringComparison.Ordinal))
                    return fault;
        // One at a time: a fault is taken by the first request it matches, and the rest stay queued in order.
        lock (_faults)
        {
            var pending = _faults.ToArray();
            for (var i = 0; i < pending.Length; i++)
            {
                if (pending[i].Method != method || !key.StartsWith(pending[i].PathPrefix, StringComparison.Ordinal))
                    continue;
                _faults.Clear();
                for (var j = 0; j < pending.Length; j++)
                    if (j != i)
                        _faults.Enqueue(pending[j]);
                return pending[i].Fault;
            }
        }
        return null;
    }

    /// <summary>Stops answering: later requests find the port closed.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
