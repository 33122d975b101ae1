using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Health;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    /// <summary>
    /// Waits until every object is Current by its kind's health check, woken by the live cache's watch events (no polling).
    /// Returns early when one has Failed; on timeout returns the report naming what is not healthy. Cancelling (a newer
    /// revision) throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<HealthReport> WaitForHealthAsync(IReadOnlyList<InventoryEntry> objects, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wanted = objects.Select(o => new ObjectIdentity(o.Group, o.Kind, o.Namespace, o.Name)).ToHashSet();
        var changed = new SemaphoreSlim(0);
        using var subscription = Cache.Subscribe(e =>
        {
            if (wanted.Contains(e.Identity))
            {
                changed.Release();
            }
        });
        foreach (var entry in objects.DistinctBy(o => (o.Group, o.Kind)))
        {
            if ((await discovery.ResolveAsync(GroupVersionKind.FromApiVersion(entry.ApiVersion, entry.Kind), cancellationToken)).Resource is { } resource)
            {
                // A kind that cannot be read shows its objects as not found: the report then names them.
                await Cache.WatchAsync(resource, timeout, cancellationToken);
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var report = new HealthReport(wanted.ToDictionary(id => id, Evaluate), timeout);
            if (report.Healthy || report.Objects.Values.Any(s => s.State == HealthState.Failed))
            {
                return report;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new HealthReport(wanted.ToDictionary(id => id, Evaluate), timeout);
            }
        }
    }

    private HealthStatus Evaluate(ObjectIdentity identity) =>
        Cache.Get(identity)?.Health ?? HealthStatus.InProgress("not found");

    /// <summary>Waits for CRDs just applied to be Established and forgets discovery of the types they serve.</summary>
    private async Task<IReadOnlyList<SyncFailure>> WaitForCrdsAsync(IReadOnlyList<RenderedObject> applied, SyncOptions options, CancellationToken cancellationToken)
    {
        var crds = applied.Where(d => d.Identity.Kind == "CustomResourceDefinition").ToList();
        if (crds.Count == 0)
        {
            return [];
        }

        var report = await WaitForHealthAsync(crds.Select(InventoryRecord.EntryOf).ToList(), options.CrdEstablishTimeout, cancellationToken);
        foreach (var crd in crds)
        {
            var group = crd.Json["spec"]?["group"]?.GetValue<string>() ?? "";
            foreach (var version in crd.Json["spec"]?["versions"]?.AsArray() ?? [])
            {
                discovery.Forget($"{group}/{version?["name"]?.GetValue<string>()}");
            }
        }

        return report.Healthy ? [] : report.Failures.Select(f => f with { Reason = SyncOutcome.ApplyFailed }).ToList();
    }
}
