using System.Diagnostics;

namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>
/// A server process a test starts on 127.0.0.1 with a folder of its own (nginx, s3rver, Azurite): started, waited for
/// until it listens on its port, and on dispose killed with its children and its folder deleted.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly Process _process;

    private LoopbackServer(Process process, string root, int port)
    {
        _process = process;
        Root = root;
        Port = port;
    }

    /// <summary>The server's own temporary folder.</summary>
    public string Root { get; }

    public int Port { get; }

    /// <summary>A fresh folder and a free port for a server of this name, for its configuration to name.</summary>
    public static (string Root, int Port) Prepare(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), $"mlbuild-{name}-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        return (root, LoopbackPorts.Free());
    }

    public static LoopbackServer Start(string name, string executable, IEnumerable<string> arguments, string root, int port,
        TimeSpan timeout)
    {
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{name} is not installed ({executable}): .ci/run installs it.");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LoopbackServer(process, root, port);
        try
        {
            LoopbackPorts.WaitUntilListening(process, port, name, timeout);
        }
        catch
        {
            server.Dispose();
            throw;
        }
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
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
