using System.Collections.Concurrent;
using System.Diagnostics;
using GitOpsOperator.Manifests;
using GitOpsOperator.Manifests.Helm;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The cluster's API scope for renders, learned from discovery as renders ask about types. The renderer asks
/// synchronously, so a render that met a type not learned yet runs once more after discovery answered for it.
/// </summary>
public sealed class ClusterApiScope(SyncManager sync)
{
    /// <summary>How long the capabilities a chart renders with are reused before discovery is asked again.</summary>
    private static readonly TimeSpan CapabilitiesLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<GroupVersionKind, bool> learned = new();
    private (HelmCapabilities Value, long At)? capabilities;

    /// <summary>The cluster's version and API versions for a chart's <c>.Capabilities</c>, asked at most every 30 seconds.</summary>
    public async Task<(HelmCapabilities? Capabilities, string? Failure)> CapabilitiesAsync(CancellationToken cancellationToken)
    {
        if (capabilities is { } known && Stopwatch.GetElapsedTime(known.At) < CapabilitiesLifetime)
        {
            return (known.Value, null);
        }

        var (fresh, failure) = await sync.CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (fresh is not null)
        {
            capabilities = (fresh, Stopwatch.GetTimestamp());
        }

        return (fresh, failure);
    }

    /// <summary>Runs the render with the scope known so far, learning unknown types and rendering again when any were found.</summary>
    public async Task<RenderResult> RenderAsync(Func<IApiScope, Task<RenderResult>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        while (true)
        {
            var scope = new Snapshot(learned);
            var result = await render(scope).ConfigureAwait(false);
            var found = false;
            foreach (var type in scope.Unknown)
            {
                if (await sync.IsNamespacedAsync(type, cancellationToken).ConfigureAwait(false) is { } namespaced)
                {
                    learned[type] = namespaced;
                    found = true;
                }
            }

            if (!found)
            {
                return result;
            }
        }
    }

    private sealed class Snapshot(ConcurrentDictionary<GroupVersionKind, bool> learned) : IApiScope
    {
        private readonly ConcurrentDictionary<GroupVersionKind, bool> unknown = new();

        public IEnumerable<GroupVersionKind> Unknown => unknown.Keys;

        public bool? IsNamespaced(GroupVersionKind type)
        {
            if (learned.TryGetValue(type, out var namespaced))
            {
                return namespaced;
            }

            unknown.TryAdd(type, true);
            return null;
        }
    }
}
