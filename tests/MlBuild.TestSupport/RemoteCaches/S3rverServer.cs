using System.Globalization;

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

    private readonly LoopbackServer _server;

    private S3rverServer(LoopbackServer server) => _server = server;

    /// <summary>The value for MlBuildRemoteCacheEndpoint / --endpoint.</summary>
    public string Endpoint => $"http://127.0.0.1:{_server.Port}";

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
        var (root, port) = LoopbackServer.Prepare("s3rver");
        return new S3rverServer(LoopbackServer.Start("s3rver", Executable,
            ["--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--directory", root,
             "--configure-bucket", Bucket, "--silent"],
            root, port, TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => _server.Dispose();
}
