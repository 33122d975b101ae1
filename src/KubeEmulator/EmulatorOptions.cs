using KubeEmulator.Controllers;

namespace KubeEmulator;

/// <summary>How an <see cref="EmulatedCluster"/> starts.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>When set, every request must carry "Authorization: Bearer &lt;token&gt;" (else 401).</summary>
    public string? BearerToken { get; init; }

    public ControllerOptions Controllers { get; init; } = new();

    /// <summary>How many changes watches can be resumed across; older resourceVersions get 410 Gone.</summary>
    public int WatchHistorySize { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks gets one when nothing else happens (a real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);
}
