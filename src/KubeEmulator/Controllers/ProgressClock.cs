using System.Collections.Concurrent;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// Remembers when each object's current generation was first seen, so a controller can tell whether its
/// ready delay has passed.
/// </summary>
internal sealed class ProgressClock(TimeSpan delay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (long Generation, DateTimeOffset Since)> seen = new(StringComparer.Ordinal);

    /// <summary>How long until the object's current generation has waited the delay (zero once it has).</summary>
    public TimeSpan Remaining(V1ObjectMeta metadata)
    {
        var now = time.GetUtcNow();
        var generation = metadata.Generation ?? 0;
        var entry = seen.AddOrUpdate(
            metadata.Uid ?? metadata.Name,
            _ => (generation, now),
            (_, known) => known.Generation == generation ? known : (generation, now));
        var remaining = entry.Since + delay - now;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    public void Forget(V1ObjectMeta metadata) => seen.TryRemove(metadata.Uid ?? metadata.Name, out _);
}
