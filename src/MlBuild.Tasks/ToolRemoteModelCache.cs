using System.Diagnostics;
using System.Globalization;
using MlBuild.Core.Caching;
using MlBuild.Core.Caching.Remote;

namespace MlBuild.Tasks;

/// <summary>
/// A remote cache on a store whose SDK must not load into MSBuild (S3, Azure): each fetch or push runs
/// <c>mlbuild cache fetch|push --outcomes</c>, which talks to the store with the credentials of its own environment and
/// writes the local cache, and answers with one outcome line per model. The circuit breaker and the build's one warning
/// stay here, across the tool's runs.
/// </summary>
internal sealed class ToolRemoteModelCache(RemoteCacheAddress address, RemoteCacheOptions options, string remoteCache,
    string toolAssembly) : IRemoteModelCache
{
    private int _warned;
    private volatile bool _disabled;

    public RemoteCacheAddress Address { get; } = address;
    public bool IsDisabled => _disabled;
    public Action<string>? Progress { get; set; }
    public bool TryClaimWarning() => Interlocked.Exchange(ref _warned, 1) == 0;

    public async Task<IReadOnlyList<RemoteOutcome>> FetchAsync(IReadOnlyList<string> fingerprints, ModelCache local,
        CancellationToken cancellationToken)
    {
        if (_disabled)
            return fingerprints.Select(f => new RemoteOutcome(f, Skipped: true)).ToList();
        return await RunAsync("fetch", fingerprints, local, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RemoteOutcome> PushAsync(string fingerprint, ModelCache local, CancellationToken cancellationToken)
    {
        if (_disabled)
            return new RemoteOutcome(fingerprint, Skipped: true);
        return (await RunAsync("push", [fingerprint], local, cancellationToken).ConfigureAwait(false))[0];
    }

    private async Task<IReadOnlyList<RemoteOutcome>> RunAsync(string command, IReadOnlyList<string> fingerprints,
        ModelCache local, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in (string[])["exec", "--roll-forward", "LatestMajor", toolAssembly, "cache", command,
                     "--cache-dir", local.Root, "--remote", remoteCache, "--outcomes",
                     "--timeout", options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(argument);
        if (options.Endpoint is { } endpoint)
        {
            start.ArgumentList.Add("--endpoint");
            start.ArgumentList.Add(endpoint.ToString());
        }
        foreach (var fingerprint in fingerprints)
            start.ArgumentList.Add(fingerprint);

        var outcomes = new Dictionary<string, RemoteOutcome>(StringComparer.Ordinal);
        using var process = new Process { StartInfo = start };
        void Read(string? line)
        {
            if (line is null)
                return;
            if (RemoteOutcomeLine.TryParse(line, out var outcome))
                lock (outcomes)
                    outcomes[outcome!.Fingerprint] = outcome;
            else
                Progress?.Invoke(line);
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Failed(fingerprints, new RemoteCacheException(RemoteFault.Unexpected,
                $"the mlbuild tool that talks to {Address.Display} could not start ({e.Message})", e));
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

        var results = fingerprints.Select(f => outcomes.GetValueOrDefault(f)
            ?? new RemoteOutcome(f, Fault: new RemoteCacheException(RemoteFault.Unexpected,
                $"the mlbuild tool that talks to {Address.Display} exited with code {process.ExitCode} without an answer for this model")))
            .ToList();
        if (results.Any(r => r.Fault?.DisablesRemote == true))
            _disabled = true;
        return results;
    }

    private List<RemoteOutcome> Failed(IReadOnlyList<string> fingerprints, RemoteCacheException fault)
    {
        _disabled = true;
        return fingerprints.Select(f => new RemoteOutcome(f, Fault: fault)).ToList();
    }

    public void Dispose()
    {
    }
}
