using System.Net;
using System.Net.Sockets;

namespace GitOpsOperator.Sandbox;

/// <summary>Picks loopback ports: a well-known one when it is free, else any free one.</summary>
public static class LoopbackPorts
{
    public static int PreferredOrFree(int preferred) => IsFree(preferred) ? preferred : Free();

    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
