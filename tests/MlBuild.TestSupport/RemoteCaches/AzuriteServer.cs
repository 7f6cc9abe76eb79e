using System.Globalization;

namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>
/// Azurite's blob service (npm, installed by .ci/run under tests/.servers) on 127.0.0.1 and a free port, with its own
/// temporary folder: Azure Blob Storage for the Azure remote cache's tests.
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    // Azurite's well-known development account (documented by Microsoft; not a secret).
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly LoopbackServer _server;

    private AzuriteServer(LoopbackServer server) => _server = server;

    /// <summary>The value for AZURE_STORAGE_CONNECTION_STRING.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_server.Port}/{Account};";

    public static string Executable => Path.Combine(RepositoryRoot.Path, "tests", ".servers", "node_modules", ".bin", "azurite-blob");

    public static AzuriteServer Start()
    {
        var (root, port) = LoopbackServer.Prepare("azurite");
        return new AzuriteServer(LoopbackServer.Start("Azurite", Executable,
            ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", root,
             "--silent", "--skipApiVersionCheck"],
            root, port, TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => _server.Dispose();
}
