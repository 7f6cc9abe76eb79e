using System.Net;
using Octokit;
using Octokit.Internal;

namespace MlBuild.GitHub.Api;

/// <summary>
/// Builds Octokit's client on the API address exactly as given, with retries.
/// </summary>
public static class GitHubClientFactory
{
    /// <summary>The product in the User-Agent header, which GitHub requires.</summary>
    public const string ProductName = "MlBuild";

    // One handler for every client: each client is used for one publish and never disposed (Octokit's client is not
    // disposable), so connections are pooled here instead of leaking a socket pool per client inside a long-lived
    // MSBuild node. Redirects are Octokit's to follow (it drops the token when the host changes).
    static readonly SocketsHttpHandler SharedHandler = new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// A client for the REST API at <paramref name="apiUrl"/> (<c>GITHUB_API_URL</c>: https://api.github.com/, a
    /// GitHub Enterprise <c>…/api/v3/</c>, or a test server), authenticated with <paramref name="token"/> when
    /// given.
    /// </summary>
    /// <remarks>
    /// <c>new GitHubClient(header, uri)</c> would rewrite every address that is not github.com to <c>…/api/v3/</c>;
    /// a <see cref="Connection"/> built by hand keeps it.
    /// </remarks>
    /// <param name="apiUrl">The API's base address; a trailing slash is added when missing, so that a path such as
    /// <c>/api/v3</c> is kept when Octokit resolves its relative endpoints.</param>
    /// <param name="token">A token (<c>GITHUB_TOKEN</c>, an app installation token or a personal access token).</param>
    /// <param name="retry">How long to retry; <see cref="RetryOptions.Default"/> when null.</param>
    /// <param name="log">Receives a line for every retry and give-up (never a header or the token).</param>
    /// <param name="cancellationToken">Cancels the requests and the waits between them (Octokit's methods take
    /// no token of their own).</param>
    public static IGitHubClient Create(string apiUrl, string? token, RetryOptions? retry = null, Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiUrl);
        var baseAddress = new Uri(apiUrl.EndsWith('/') ? apiUrl : apiUrl + "/", UriKind.Absolute);
        var credentials = string.IsNullOrEmpty(token) ? Credentials.Anonymous : new Credentials(token);
        var http = new RetryingHttpClient(
            new HttpClientAdapter(() => SharedHandler),
            retry ?? RetryOptions.Default,
            log ?? (_ => { }),
            cancellationToken);
        var connection = new Connection(
            new ProductHeaderValue(ProductName, typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3)),
            baseAddress,
            new InMemoryCredentialStore(credentials),
            http,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
