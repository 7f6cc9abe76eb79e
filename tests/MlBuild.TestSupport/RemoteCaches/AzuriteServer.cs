using System.Diagnostics;

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

    private readonly Process _process;
    private readonly string _root;
    private readonly int _port;

    private AzuriteServer(Process process, string root, int port)
    {
        _process = process;
        _root = root;
        _port = port;
    }

    /// <summary>The value for AZURE_STORAGE_CONNECTION_STRING.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_port}/{Account};";

    public static string Executable => Path.Combine(RepositoryRoot.Path, "tests", ".servers", "node_modules", ".bin", "azurite-blob");

    public static AzuriteServer Start()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"Azurite is not installed ({Executable}): .ci/run installs it with npm.");
        var root = Path.Combine(Path.GetTempPath(), "mlbuild-azurite-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", root, "--silent", "--skipApiVersionCheck"])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        LoopbackPorts.WaitUntilListening(process, port, "Azurite", TimeSpan.FromSeconds(30));
        return new AzuriteServer(process, root, port);
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
