using KubeEmulator.Controllers;

namespace KubeEmulator;

/// <summary>How an <see cref="EmulatedCluster"/> starts.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// A static bearer token for the admin user. Over plain HTTP every request must then carry a credential
    /// (else 401); over --tls a request without one is system:anonymous.
    /// </summary>
    public string? BearerToken { get; init; }

    /// <summary>Serve HTTPS with a CA the emulator creates; the kubeconfig carries the CA and an admin client certificate.</summary>
    public bool Tls { get; init; }

    public ControllerOptions Controllers { get; init; } = new();

    /// <summary>The clock the cluster keeps time by: timestamps it writes, and when ServiceAccount tokens expire.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many changes watches can be resumed across; older resourceVersions get 410 Gone.</summary>
    public int WatchHistorySize { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks gets one when nothing else happens (a real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);
}
