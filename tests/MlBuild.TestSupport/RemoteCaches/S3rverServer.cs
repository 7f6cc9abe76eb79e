using System.Diagnostics;

namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>
/// s3rver (npm, installed by .ci/run under tests/.servers) on 127.0.0.1 and a free port, with one bucket and its own
/// temporary folder: an S3-compatible store for the S3 remote cache's tests.
/// </summary>
public sealed class S3rverServer : IDisposable
{
    public const string Bucket = "mlbuild-cache";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private readonly string _root;

    private S3rverServer(Process process, string root, int port)
    {
        _process = process;
        _root = root;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    /// <summary>The value for MlBuildRemoteCacheEndpoint / --endpoint.</summary>
    public string Endpoint { get; }

    /// <summary>The variables the AWS SDK's credential chain reads.</summary>
    public IReadOnlyDictionary<string, string?> Credentials => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = "us-east-1",
    };

    public static string Executable => Path.Combine(RepositoryRoot.Path, "tests", ".servers", "node_modules", ".bin", "s3rver");

    public static S3rverServer Start()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"s3rver is not installed ({Executable}): .ci/run installs it with npm.");
        var root = Path.Combine(Path.GetTempPath(), "mlbuild-s3rver-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--directory", root, "--configure-bucket", Bucket, "--silent"])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3rverServer(process, root, port);
        LoopbackPorts.WaitUntilListening(process, port, "s3rver", TimeSpan.FromSeconds(30));
        return server;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
