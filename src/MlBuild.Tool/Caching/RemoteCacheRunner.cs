using MlBuild.Core.Caching;
using MlBuild.Core.Caching.Remote;
using MlBuild.Core.LockFiles;
using MlBuild.RemoteStores;
using MlBuild.Tool.Cli;

namespace MlBuild.Tool.Caching;

/// <summary>
/// <c>mlbuild cache fetch</c> and <c>mlbuild cache push</c>: entries between the local cache and a remote one, through
/// the same protocol and circuit breaker as the build. The build runs them (with <c>--outcomes</c>) for S3 and Azure,
/// whose SDKs must not load into MSBuild; people run <c>push</c> to upload a project's current models by hand. Faults
/// are warnings, and the exit code 0: a cache never fails a job.
/// </summary>
internal static class RemoteCacheRunner
{
    public static async Task<int> FetchAsync(CacheOptions options, IReadOnlyList<string> fingerprints, ToolEnvironment environment,
        TextWriter writer, ToolOutput output, CancellationToken cancellationToken)
    {
        if (Open(options, environment, writer, output) is not { } session)
            return ExitCodes.Failure;
        using (session)
        {
            var local = new ModelCache(ModelCache.ResolveRoot(options.CacheDirectory, environment.Get));
            var outcomes = await session.FetchAsync(fingerprints.Distinct().ToList(), local, cancellationToken).ConfigureAwait(false);
            foreach (var outcome in outcomes)
                Report(options, session, outcome, outcome.Fetched switch
                {
                    RemoteFetchResult.Restored => $"{outcome.Fingerprint}: restored from {session.Address.Display}",
                    RemoteFetchResult.Miss => $"{outcome.Fingerprint}: not in {session.Address.Display}",
                    _ => null,
                }, writer, output);
        }
        return ExitCodes.Success;
    }

    /// <summary>Pushes the given fingerprints, or every model of the lock file that the local cache holds.</summary>
    public static async Task<int> PushAsync(CacheOptions options, IReadOnlyList<string> fingerprints, string? lockFile,
        ToolEnvironment environment, TextWriter writer, ToolOutput output, CancellationToken cancellationToken)
    {
        var targets = fingerprints.Select(f => (Name: f, Fingerprint: f)).ToList();
        if (targets.Count == 0)
        {
            var path = Path.GetFullPath(lockFile ?? "mlbuild.lock.json");
            if (!File.Exists(path))
            {
                output.Error(MlbCodes.InvalidRemoteCache, $"There is no lock file at {path}: run the command in the project's folder, or give --lock-file or fingerprints.");
                return ExitCodes.Failure;
            }
            targets = LockFile.Load(path).Models
                .Where(m => m.Value.Fingerprint is not null)
                .Select(m => (m.Key, m.Value.Fingerprint!))
                .ToList();
        }
        if (Open(options, environment, writer, output) is not { } session)
            return ExitCodes.Failure;
        using (session)
        {
            var local = new ModelCache(ModelCache.ResolveRoot(options.CacheDirectory, environment.Get));
            foreach (var (name, fingerprint) in targets)
            {
                var outcome = await session.PushAsync(fingerprint, local, cancellationToken).ConfigureAwait(false);
                Report(options, session, outcome, outcome.Pushed switch
                {
                    RemotePushResult.Uploaded => $"{name}: uploaded to {session.Address.Display}",
                    RemotePushResult.AlreadyThere => $"{name}: in {session.Address.Display} already",
                    RemotePushResult.NotInLocalCache => $"{name}: not in the local cache {local.Root}; build the project first",
                    _ => outcome.Skipped ? $"{name}: not uploaded, the remote cache failed earlier" : null,
                }, writer, output);
            }
        }
        return ExitCodes.Success;
    }

    private static RemoteCacheSession? Open(CacheOptions options, ToolEnvironment environment, TextWriter writer, ToolOutput output)
    {
        var text = options.Remote ?? environment.Get("MLBUILD_REMOTE_CACHE");
        if (string.IsNullOrWhiteSpace(text))
        {
            output.Error(MlbCodes.InvalidRemoteCache, "No remote cache: give --remote, or set MLBUILD_REMOTE_CACHE.");
            return null;
        }
        var address = RemoteCacheAddress.Parse(text, out var error);
        if (address is null)
        {
            output.Error(MlbCodes.InvalidRemoteCache, $"The remote cache address cannot be used: {error}.");
            return null;
        }
        var remoteOptions = new RemoteCacheOptions
        {
            Endpoint = options.Endpoint is { } endpoint ? new Uri(endpoint) : null,
        };
        if (options.TimeoutSeconds is { } seconds)
            remoteOptions = remoteOptions with { Timeout = TimeSpan.FromSeconds(seconds), ConnectTimeout = TimeSpan.FromSeconds(Math.Min(seconds, 5)) };
        try
        {
            return new RemoteCacheSession(address, remoteOptions,
                progress => CloudRemoteStores.Open(address, remoteOptions, environment.Get, progress))
            {
                Progress = line => writer.WriteLine("  " + line),
            };
        }
        catch (RemoteCacheException e)
        {
            // A store that cannot even be opened (Azure without its connection string) is the build's one warning.
            output.Warning(MlbCodes.RemoteCacheRefused, RemoteCacheStores.Describe(e, address));
            return null;
        }
    }

    private static void Report(CacheOptions options, RemoteCacheSession session, RemoteOutcome outcome, string? line,
        TextWriter writer, ToolOutput output)
    {
        if (options.Outcomes)
        {
            writer.WriteLine(RemoteOutcomeLine.Format(outcome));
            return;
        }
        if (outcome.Fault is { } fault)
        {
            var message = $"{outcome.Fingerprint}: {RemoteCacheStores.Describe(fault, session.Address)}";
            if (session.TryClaimWarning())
                output.Warning(RemoteCacheStores.CodeOf(fault), message);
            else
                output.Info(message);
        }
        else if (line is not null)
        {
            output.Info(line);
        }
    }
}
