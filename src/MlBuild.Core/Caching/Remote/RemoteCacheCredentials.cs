using System.Net.Http.Headers;
using System.Text;

namespace MlBuild.Core.Caching.Remote;

/// <summary>
/// The credentials of an HTTP remote cache, read from the environment of the process that talks to it, never from an
/// MSBuild property or item: MSBuild writes those into detailed logs and binary logs.
/// </summary>
internal static class RemoteCacheCredentials
{
    /// <summary>A bearer token (Artifactory, a reverse proxy in front of bazel-remote).</summary>
    public const string TokenVariable = "MLBUILD_REMOTE_CACHE_TOKEN";
    public const string UserVariable = "MLBUILD_REMOTE_CACHE_USERNAME";
    public const string PasswordVariable = "MLBUILD_REMOTE_CACHE_PASSWORD";

    /// <summary>The Authorization header to send; null for a cache without authentication.</summary>
    public static AuthenticationHeaderValue? For(RemoteCacheAddress address, Func<string, string?> environment)
    {
        if (environment(TokenVariable) is { Length: > 0 } token)
            return new AuthenticationHeaderValue("Bearer", token);
        if (environment(UserVariable) is { Length: > 0 } user)
            return Basic(user, environment(PasswordVariable) ?? "");
        // User info in the URL works, as it does for bazel-remote's clients, but it passes through MSBuild's logs:
        // the README says to use the variables above.
        if (address.Uri.UserInfo is { Length: > 0 } userInfo)
        {
            var parts = userInfo.Split(':', 2);
            return Basic(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        return null;
    }

    /// <summary>What to tell a user whose credentials the store refused.</summary>
    public static string HowToSet(RemoteStoreKind kind) => kind switch
    {
        RemoteStoreKind.S3 => "Set AWS credentials as the AWS SDK reads them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the runner's role)",
        RemoteStoreKind.AzureBlob => $"Set {AzureConnectionStringVariable} (a connection string or one with a SAS token) in the build's environment",
        _ => $"Set {TokenVariable} (a bearer token), or {UserVariable} and {PasswordVariable} (basic authentication), in the build's environment",
    };

    public const string AzureConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
