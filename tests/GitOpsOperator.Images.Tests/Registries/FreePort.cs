using System.Net;
using System.Net.Sockets;

namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>A loopback port nobody listens on right now (for programs that must be told their port).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
