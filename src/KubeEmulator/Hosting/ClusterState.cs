using KubeEmulator.Registry;
using KubeEmulator.Security;
using KubeEmulator.Storage;
using KubeEmulator.Writes;

namespace KubeEmulator.Hosting;

/// <summary>Everything one emulated cluster holds: its objects, the types it serves, its allocators and clock.</summary>
internal sealed class ClusterState(EmulatorOptions options, TimeProvider clock)
{
    private CancellationTokenSource watchEnd = new();

    public EmulatorOptions Options { get; } = options;

    public ObjectStore Store { get; } = new(options.WatchHistorySize);

    public TypeRegistry Registry { get; } = new();

    public ClusterIpAllocator ClusterIps { get; } = new();

    public TimeProvider Clock { get; } = clock;

    /// <summary>The CA and the certificates it signed, when the cluster serves --tls; null over plain HTTP.</summary>
    public ClusterCertificates? Certificates { get; } = options.Tls ? ClusterCertificates.Create() : null;

    public ServiceAccountTokens Tokens { get; } = new(clock);

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Cancelled when every open watch is to end.</summary>
    public CancellationToken WatchEnd => Volatile.Read(ref watchEnd).Token;

    public void EndAllWatches()
    {
        var previous = Interlocked.Exchange(ref watchEnd, new CancellationTokenSource());
        previous.Cancel();
    }
}
