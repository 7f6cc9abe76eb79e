using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Caching.Remote;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;

namespace MlBuild.Tasks;

/// <summary>
/// The remote cache (MlBuildRemoteCache) as the tasks of one build share it: one session per address, registered with
/// the build engine for the build's lifetime, so that the planning and every push of a build see the same circuit
/// breaker, warn once between them, and reuse the same connections. Credentials are read from this process's
/// environment by the store itself, never from a property.
/// </summary>
internal static class RemoteCacheConnection
{
    /// <summary>The build's session for the configured remote cache; null when none is configured, or (with MLB4013
    /// logged) when the address cannot be used.</summary>
    /// <param name="toolAssembly">The mlbuild tool, which talks to the stores whose SDKs must not load into MSBuild.</param>
    public static IRemoteModelCache? Open(IBuildEngine engine, TaskLoggingHelper log, string? remoteCache, string? timeout,
        string? endpoint, string toolAssembly, SourceLocation at)
    {
        if (string.IsNullOrWhiteSpace(remoteCache))
            return null;
        var address = RemoteCacheAddress.Parse(remoteCache, out var error);
        if (address is null)
        {
            log.Error(MlbCodes.InvalidRemoteCache, at,
                $"MlBuildRemoteCache ({Redacted(remoteCache)}) cannot be used: {error}. Give an http(s):// URL of an HTTP build cache, s3://bucket/prefix or azure://container/prefix.");
            return null;
        }
        var options = new RemoteCacheOptions();
        if (!string.IsNullOrWhiteSpace(timeout))
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                log.Error(MlbCodes.InvalidRemoteCache, at, $"MlBuildRemoteCacheTimeout ({timeout}) must be a number of seconds above 0.");
                return null;
            }
            options = options with { Timeout = TimeSpan.FromSeconds(seconds), ConnectTimeout = TimeSpan.FromSeconds(Math.Min(seconds, 5)) };
        }
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
            {
                log.Error(MlbCodes.InvalidRemoteCache, at, $"MlBuildRemoteCacheEndpoint ({Redacted(endpoint)}) is not an absolute URL.");
                return null;
            }
            options = options with { Endpoint = endpointUri };
        }

        var key = $"MlBuild.RemoteCache|{remoteCache}|{options.Timeout}|{endpoint}";
        if (engine is IBuildEngine4 registry)
        {
            if (registry.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is IRemoteModelCache shared)
                return shared;
            var session = Create(address, options, remoteCache, toolAssembly);
            registry.RegisterTaskObject(key, session, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            return session;
        }
        return Create(address, options, remoteCache, toolAssembly);
    }

    /// <summary>Uses the build's remote cache with details going to this task's log.</summary>
    public static T Use<T>(IRemoteModelCache remote, TaskLoggingHelper log, Func<IRemoteModelCache, Task<T>> operation)
    {
        remote.Progress = line => log.LogMessage(MessageImportance.Low, "{0}", line);
        try
        {
            return operation(remote).GetAwaiter().GetResult();
        }
        finally
        {
            remote.Progress = null;
        }
    }

    /// <summary>Logs what a remote operation did: the session's first fault as its warning, the rest as details.</summary>
    public static void Report(IRemoteModelCache session, RemoteOutcome outcome, string model, TaskLoggingHelper log,
        SourceLocation at)
    {
        if (outcome.Fault is not { } fault)
            return;
        var message = $"{model}: {RemoteCacheStores.Describe(fault, session.Address)}";
        if (session.TryClaimWarning())
            log.Warning(RemoteCacheStores.CodeOf(fault), at, message);
        else
            log.LogMessage(MessageImportance.Normal, "{0}", message);
    }

    private static IRemoteModelCache Create(RemoteCacheAddress address, RemoteCacheOptions options, string remoteCache,
        string toolAssembly) =>
        address.Kind == RemoteStoreKind.Http
            ? new RemoteCacheSession(address, options,
                progress => RemoteCacheStores.OpenHttp(address, options, Environment.GetEnvironmentVariable, progress))
            : new ToolRemoteModelCache(address, options, remoteCache, toolAssembly);

    private static string Redacted(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.UserInfo.Length > 0 || uri.Query.Length > 0)
            ? new UriBuilder(uri) { UserName = "", Password = "", Query = "" }.Uri.ToString()
            : text;
}
