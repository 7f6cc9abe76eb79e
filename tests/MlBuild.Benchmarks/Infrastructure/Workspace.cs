namespace MlBuild.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark's temporary folder: generated projects and data, an isolated NuGet package folder and HTTP cache,
/// and model caches. A nuget.config adds the freshly packed MlBuild feed, and empty Directory.Build.* and
/// Directory.Packages.props files keep any settings above the folder out of the builds. Every process started here
/// gets this isolation, so nothing is read from or written to the user's NuGet or MlBuild caches.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);
    private readonly bool _keep;

    public Workspace(string root, string feed, bool keep)
    {
        Root = Path.GetFullPath(root);
        Feed = Path.GetFullPath(feed);
        _keep = keep;
        try
        {
            MlBuildVersion = LocalPackageFeed.MlBuildVersionIn(Feed);
        }
        catch (InvalidOperationException e)
        {
            throw new SetupCheckFailedException(e.Message + " (build/bench.sh packs it)");
        }
        LocalPackageFeed.Isolate(Root, Feed, "mlbuild-bench-feed");
    }

    public string Root { get; }
    public string Feed { get; }
    public string MlBuildVersion { get; }

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The environment of every process: isolated NuGet folders, the given model cache, no build servers
    /// kept alive between builds (each timed build starts cold, as the MSBuild node would not be reused anyway).</summary>
    public IReadOnlyDictionary<string, string?> Environment(string cacheDirectory) => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PathOf("nuget", "packages"),
        ["NUGET_HTTP_CACHE_PATH"] = PathOf("nuget", "http-cache"),
        ["NUGET_PLUGINS_CACHE_PATH"] = PathOf("nuget", "plugins-cache"),
        ["MLBUILD_CACHE_DIR"] = cacheDirectory,
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    public ProcessResult Dotnet(string workingDirectory, string cacheDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? extraEnvironment = null, TimeSpan? timeout = null, Action<int>? started = null)
    {
        var environment = new Dictionary<string, string?>(Environment(cacheDirectory));
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
            environment[key] = value;
        return ProcessRunner.Run("dotnet", arguments, workingDirectory, environment, timeout ?? DefaultTimeout,
            started is null ? null : process => started(process.Id));
    }

    /// <summary><c>dotnet build</c> of the project in <paramref name="projectDirectory"/>, as the brief times it:
    /// no node reuse, no terminal logger (its output is what the checks read).</summary>
    public ProcessResult Build(string projectDirectory, string cacheDirectory, params string[] extraArguments) =>
        Dotnet(projectDirectory, cacheDirectory, ["build", "-nodeReuse:false", "-tl:off", .. extraArguments]);

    public void Dispose()
    {
        if (_keep || !Directory.Exists(Root))
            return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not delete {Root}: {e.Message}");
        }
    }
}
