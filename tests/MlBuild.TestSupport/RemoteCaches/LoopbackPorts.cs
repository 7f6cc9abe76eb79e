using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>Ports of 127.0.0.1 for the servers tests start: a free one, and waiting until a server listens on it.</summary>
internal static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void WaitUntilListening(Process server, int port, string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (server.HasExited)
                throw new InvalidOperationException($"{name} exited with code {server.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}
