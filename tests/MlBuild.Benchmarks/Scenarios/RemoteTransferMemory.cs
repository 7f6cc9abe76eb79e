using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;
using MlBuild.Core.Caching;
using MlBuild.TestSupport.RemoteCaches;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 8: the memory of moving a 1 GB model to and from the remote cache. The packed package's own
/// <c>mlbuild</c> tool (the process a build runs for S3 and Azure; HTTP is the same Core code the build runs in MSBuild)
/// pushes a 1 GB entry from one local cache and fetches it into another, against nginx (HTTP) and s3rver (S3, in
/// parts); its peak resident memory (GNU time's maximum RSS) is compared with the same tool's <c>cache show</c> of the same cache, which
/// starts the same runtime and reads the same entry without moving it. Target: at most 100 MB more, whatever the size:
/// files are streamed, never held whole.
/// </summary>
internal sealed class RemoteTransferMemory(Workspace workspace, BenchmarkOptions options)
{
    private const string Fingerprint = "00112233445566778899aabbccddeeff";
    private const double TargetMegabytes = 100;
    private const string GnuTime = "/usr/bin/time";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public ScenarioReport Run()
    {
        var report = new ScenarioReport($"The remote cache: memory of a {options.RemoteModelMegabytes} MB model's upload and download");
        SetupCheck.Require(File.Exists(GnuTime), $"GNU time is not installed ({GnuTime}): apt-get install time.");
        var tool = ToolDll();
        var source = workspace.PathOf("remote-memory", "source-cache");
        var modelBytes = CreateEntry(source);

        var baseline = report.AddSamples("baseline: mlbuild cache show of the same cache", "MB");
        var stores = new List<(string Name, Func<int, RemoteServer> Start)> { ("HTTP (nginx)", _ => Nginx()) };
        if (File.Exists(S3rverServer.Executable))
            stores.Add(("S3 (s3rver, multipart)", S3rver));
        else
            report.Notes.Add($"s3rver is not installed ({S3rverServer.Executable}): S3 not measured (.ci/run installs it).");

        foreach (var (name, start) in stores)
        {
            var push = report.AddSamples($"{name}: mlbuild cache push", "MB");
            var fetch = report.AddSamples($"{name}: mlbuild cache fetch (into an empty cache, hashes checked)", "MB");
            var pushSeconds = report.AddSamples($"{name}: push time", "s");
            var fetchSeconds = report.AddSamples($"{name}: fetch time", "s");
            for (var round = 0; round < options.RemoteMemoryRounds; round++)
            {
                using var server = start(round);
                var (remote, environment) = (server.Arguments, server.Environment);
                var target = workspace.PathOf("remote-memory", $"fetched-{round}");
                baseline.Add(Measure(tool, ["cache", "show", "--cache-dir", source], environment, "mlbuild cache show", out _));
                push.Add(Measure(tool, ["cache", "push", "--cache-dir", source, .. remote, Fingerprint], environment,
                    $"mlbuild cache push to {name}", out var pushed));
                pushSeconds.Add(pushed.Elapsed.TotalSeconds);
                fetch.Add(Measure(tool, ["cache", "fetch", "--cache-dir", target, .. remote, Fingerprint], environment,
                    $"mlbuild cache fetch from {name}", out var fetched));
                fetchSeconds.Add(fetched.Elapsed.TotalSeconds);
                var restored = new ModelCache(target).Find(Fingerprint);
                SetupCheck.Require(restored.Result == CacheLookupResult.Hit && new FileInfo(restored.ModelPath!).Length == modelBytes,
                    $"The entry fetched from {name} is not the {modelBytes}-byte model that was pushed.", fetched);
                Directory.Delete(target, recursive: true);
                Console.WriteLine($"  {name}, round {round}: push {push.Values[^1]:0} MB in {pushSeconds.Values[^1]:0.0} s, " +
                                  $"fetch {fetch.Values[^1]:0} MB in {fetchSeconds.Values[^1]:0.0} s, baseline {baseline.Values[^1]:0} MB");
            }
            report.Comparisons.Add(new Comparison($"{name}: push peak RSS − cache show", push, BaselineOf(baseline, push),
                TargetKind.AtMost, TargetMegabytes, Difference: true));
            report.Comparisons.Add(new Comparison($"{name}: fetch peak RSS − cache show", fetch, BaselineOf(baseline, fetch),
                TargetKind.AtMost, TargetMegabytes, Difference: true));
        }
        Describe(report, modelBytes);
        return report;
    }

    /// <summary>The baseline rounds taken beside <paramref name="measured"/>'s (the latest ones, one per round).</summary>
    private static Samples BaselineOf(Samples baseline, Samples measured)
    {
        var rounds = new Samples(baseline.Name, baseline.Unit);
        foreach (var value in baseline.Values.Skip(baseline.Values.Count - measured.Values.Count))
            rounds.Add(value);
        return rounds;
    }

    /// <summary>A started store, and how the tool is pointed at it.</summary>
    private sealed record RemoteServer(IDisposable Server, string[] Arguments, Dictionary<string, string> Environment) : IDisposable
    {
        public void Dispose() => Server.Dispose();
    }

    private static RemoteServer Nginx()
    {
        var nginx = NginxCacheServer.Start();
        return new RemoteServer(nginx, ["--remote", nginx.Url], []);
    }

    // A bucket prefix of the round's own, so that no round finds the previous one's entry.
    private static RemoteServer S3rver(int round)
    {
        var s3 = S3rverServer.Start();
        return new RemoteServer(s3, ["--remote", $"s3://{S3rverServer.Bucket}/bench-{round}", "--endpoint", s3.Endpoint],
            s3.Credentials.ToDictionary(c => c.Key, c => c.Value ?? ""));
    }

    /// <summary>Runs the tool under GNU time, whose %M is the process's peak resident set from the kernel's own
    /// accounting (wait4): exact even for a process that exits before a /proc sampler could read it.</summary>
    private double Measure(string tool, string[] arguments, Dictionary<string, string> extraEnvironment, string what, out ProcessResult result)
    {
        var peakFile = workspace.PathOf("remote-memory", "peak-rss-kb.txt");
        var environment = new Dictionary<string, string?>(workspace.Environment(workspace.PathOf("remote-memory", "unused-cache")));
        foreach (var (key, value) in extraEnvironment)
            environment[key] = value;
        result = ProcessRunner.Run(GnuTime, ["-o", peakFile, "-f", "%M", "dotnet", "exec", tool, .. arguments],
            workspace.Root, environment, Timeout);
        SetupCheck.Succeeded(result, what);
        return double.Parse(File.ReadAllText(peakFile).Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>The tool as a build runs it: from the packed package, restored into the workspace by benchmark 7's
    /// project (or by a restore of its own here).</summary>
    private string ToolDll()
    {
        var dll = workspace.PathOf("nuget", "packages", "mlbuild", workspace.MlBuildVersion, "tools", "net10.0", "mlbuild.dll");
        SetupCheck.Require(File.Exists(dll), $"The packed MlBuild's tool is not in the workspace's packages ({dll}): benchmark 7 restores it.");
        return dll;
    }

    /// <summary>A cache entry whose model is <see cref="BenchmarkOptions.RemoteModelMegabytes"/> of random bytes.</summary>
    private long CreateEntry(string cacheRoot)
    {
        var bytes = options.RemoteModelMegabytes * 1024L * 1024L;
        CacheEntries.StoreRandomModel(cacheRoot, Fingerprint, bytes, workspace.PathOf("remote-memory", "model.zip"), seed: 7);
        return bytes;
    }

    private void Describe(ScenarioReport report, long modelBytes)
    {
        report.Method.Add($"A local cache entry whose model is {modelBytes / 1e6:0} MB of random bytes (incompressible). Each " +
                          $"round ({options.RemoteMemoryRounds} per store, each with a freshly started server): `dotnet exec " +
                          "mlbuild.dll cache show` (the baseline), `cache push` of the entry, then `cache fetch` of it into an " +
                          "empty cache, which writes it through a staging folder while hashing (SHA-256) and verifies the lock " +
                          "entry's XXH128 before the entry appears. The peak is the tool process's maximum resident set as the kernel accounts it (GNU time's %M, from wait4).");
        report.Method.Add("mlbuild.dll is the packed package's tools/net10.0 copy: the process the build starts for S3 and Azure. " +
                          "For HTTP the build runs the same Core classes (HttpRemoteStore, RemoteModelCache) in the MSBuild " +
                          "process; the tool measures them alone, without MSBuild's own memory around them.");
    }
}
