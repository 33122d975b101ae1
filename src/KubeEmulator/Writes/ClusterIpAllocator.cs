namespace KubeEmulator.Writes;

/// <summary>Hands out Service cluster IPs from 10.96.0.0/12, never the same one twice.</summary>
internal sealed class ClusterIpAllocator
{
    private const uint Base = (10u << 24) | (96u << 16);
    private const uint Size = 1u << 20;
    private long next = 10;

    public string Allocate()
    {
        var offset = (uint)(Interlocked.Increment(ref next) % Size);
        var address = Base + offset;
        return $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";
    }
}
