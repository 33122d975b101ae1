using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Sync;

/// <summary>
/// Brings the cluster to what git declares for one GitSync: plan against the live cache, validate everything by
/// server dry-run, apply with server-side apply, prune what left git, and wait for health. One instance serves every
/// GitSync of a process; each verb lives in its own file.
/// </summary>
public sealed partial class SyncManager : IAsyncDisposable
{
    private readonly KubeApi api;
    private readonly ResourceDiscovery discovery;
    private readonly string? watchedNamespace;

    /// <summary>A sync engine for the whole cluster that logs nothing.</summary>
    public SyncManager(Kubernetes client)
        : this(client, null, NullLoggerFactory.Instance)
    {
    }

    /// <summary>A sync engine confined to <paramref name="watchedNamespace"/> when set (the operator's --namespace).</summary>
    public SyncManager(Kubernetes client, string? watchedNamespace, ILoggerFactory loggers)
    {
        api = new KubeApi(client);
        discovery = new ResourceDiscovery(api);
        this.watchedNamespace = watchedNamespace;
        Cache = new LiveObjectCache(api, watchedNamespace, loggers);
    }

    /// <summary>The live objects of the kinds synced so far; subscribe to hear drift on managed objects.</summary>
    public LiveObjectCache Cache { get; }

    /// <summary>
    /// Syncs one GitSync's desired set: validates all of it before the first write (CRDs, Namespaces and ClusterRoles the
    /// set brings go first), applies what changed, prunes when asked, and returns the change set and the new inventory.
    /// </summary>
    public async Task<SyncResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (request.Desired.Count == 0 && request.Inventory.Count > 0 && options.Prune && !options.AllowEmpty)
        {
            var refusal = new SyncFailure(SyncOutcome.PruneRefused, null, null,
                $"the path renders no object; refusing to prune all {request.Inventory.Count} inventory objects (allowEmpty is false)");
            return new SyncResult(SyncOutcome.PruneRefused, ChangeSet.Empty, request.Inventory, [refusal]);
        }

        var outside = OutsideWatchedNamespace(request.Desired);
        if (outside.Count > 0)
        {
            return Failed(outside, ChangeSet.Empty, request.Inventory);
        }

        if (await MissingWriterAsync(request.WriteAs, cancellationToken) is { } missing)
        {
            return Failed([missing], ChangeSet.Empty, request.Inventory);
        }

        var writeAs = request.WriteAs;
        var records = request.Inventory.ToDictionary(r => r.Identity);
        var (early, deferred) = await SplitDeferredAsync(request.Desired, options, cancellationToken);
        var plan = await PlanAsync(early, records, request.Owner, options, writeAs, cancellationToken);
        if (plan.Failures.Count > 0)
        {
            return Failed(plan.Failures, ChangeSet.Empty, request.Inventory);
        }

        if (request.BeforeWrite is { } beforeWrite && await beforeWrite(cancellationToken) is { } refused)
        {
            return Failed([refused], ChangeSet.Empty, request.Inventory);
        }

        var planned = Merge(request.Inventory, request.Desired.Where(d => !records.ContainsKey(d.Identity)).Select(d => new InventoryRecord(InventoryRecord.EntryOf(d), null)));
        if (planned.Count > request.Inventory.Count)
        {
            await request.RecordPlannedInventory(planned, cancellationToken);
        }

        var firstStage = plan.Objects.Where(p => IsFirstStage(p.Desired.Identity)).ToList();
        var stageOne = await ApplyAsync(firstStage, options, writeAs, cancellationToken);
        if (stageOne.Failure is not null)
        {
            return Failed([stageOne.Failure], new ChangeSet(stageOne.Changes), Merge(request.Inventory, stageOne.Records));
        }

        var established = await WaitForCrdsAsync(firstStage.Where(p => p.NeedsWrite).Select(p => p.Desired).ToList(), options, cancellationToken);
        if (established.Count > 0)
        {
            return Failed(established, new ChangeSet(stageOne.Changes), Merge(request.Inventory, stageOne.Records));
        }

        var late = await PlanAsync(deferred, records, request.Owner, options, writeAs, cancellationToken);
        if (late.Failures.Count > 0)
        {
            return Failed(late.Failures, new ChangeSet(stageOne.Changes), Merge(request.Inventory, stageOne.Records));
        }

        var rest = plan.Objects.Where(p => !IsFirstStage(p.Desired.Identity)).Concat(late.Objects).ToList();
        var stageTwo = await ApplyAsync(rest, options, writeAs, cancellationToken);
        var changes = new ChangeSet([.. stageOne.Changes, .. stageTwo.Changes]);
        var applied = Merge(request.Inventory, [.. stageOne.Records, .. stageTwo.Records]);
        if (stageTwo.Failure is not null)
        {
            return Failed([stageTwo.Failure], changes, applied);
        }

        var desiredRecords = KeptRecords(plan.Objects.Concat(late.Objects), records, [.. stageOne.Records, .. stageTwo.Records]);
        return await PruneStaleAsync(request, desiredRecords, changes, cancellationToken);
    }

    /// <summary>Whether the cluster serves the kind namespaced (true), cluster-scoped (false) or not at all (null).</summary>
    public async Task<bool?> IsNamespacedAsync(GroupVersionKind type, CancellationToken cancellationToken)
    {
        var (resource, failure) = await discovery.ResolveAsync(type, cancellationToken);
        return failure is null ? resource?.Namespaced : null;
    }

    /// <summary>Null when the API server answers an authenticated request (GET /version), else why not.</summary>
    public async Task<string?> ReachAsync(CancellationToken cancellationToken)
    {
        var answer = await api.SendAsync(HttpMethod.Get, "version", null, null, cancellationToken);
        return answer.IsSuccess ? null : answer.Message;
    }

    public ValueTask DisposeAsync() => Cache.DisposeAsync();

    private static bool IsFirstStage(ObjectIdentity id) =>
        (id.Group, id.Kind) is ("", "Namespace") or ("apiextensions.k8s.io", "CustomResourceDefinition") or ("rbac.authorization.k8s.io", "ClusterRole");

    /// <summary>Objects that can be dry-run now, and those that need a CRD or Namespace the set brings to exist first.</summary>
    private async Task<(List<RenderedObject> Now, List<RenderedObject> Later)> SplitDeferredAsync(IReadOnlyList<RenderedObject> desired, SyncOptions options, CancellationToken cancellationToken)
    {
        var broughtKinds = desired.Where(d => d.Identity.Kind == "CustomResourceDefinition")
            .Select(d => (Group: d.Json["spec"]?["group"]?.GetValue<string>() ?? "", Kind: d.Json["spec"]?["names"]?["kind"]?.GetValue<string>() ?? ""))
            .ToHashSet();
        var broughtNamespaces = desired.Where(d => (d.Identity.Group, d.Identity.Kind) == ("", "Namespace")).Select(d => d.Identity.Name).ToHashSet(StringComparer.Ordinal);
        if (broughtKinds.Count == 0 && broughtNamespaces.Count == 0)
        {
            return ([.. desired], []);
        }

        var namespaces = new ResourceType(new GroupVersionKind("", "v1", "Namespace"), "namespaces", false);
        if (await Cache.WatchAsync(namespaces, options.Timeout, cancellationToken) is not null)
        {
            // Namespaces cannot be read: planning the Namespace objects themselves reports why.
            return ([.. desired], []);
        }

        var now = new List<RenderedObject>();
        var later = new List<RenderedObject>();
        foreach (var item in desired)
        {
            var waitsForNamespace = broughtNamespaces.Contains(item.Identity.Namespace)
                && Cache.Get(new ObjectIdentity("", "Namespace", "", item.Identity.Namespace)) is null;
            var waitsForKind = broughtKinds.Contains((item.Identity.Group, item.Identity.Kind))
                && (await discovery.ResolveAsync(item.Type, cancellationToken)).Resource is null;
            (waitsForNamespace || waitsForKind ? later : now).Add(item);
        }

        return (now, later);
    }

    /// <summary>With a watched namespace, every object outside it (or cluster-scoped) is refused before any request.</summary>
    private List<SyncFailure> OutsideWatchedNamespace(IReadOnlyList<RenderedObject> desired) =>
        watchedNamespace is null
            ? []
            : desired.Where(d => d.Identity.Namespace != watchedNamespace)
                .Select(d => new SyncFailure(SyncOutcome.AccessDenied, d.Identity, d.Source, d.Identity.Namespace.Length == 0
                    ? $"the operator watches namespace {watchedNamespace} only (--namespace) and may not manage cluster-scoped objects"
                    : $"the operator watches namespace {watchedNamespace} only (--namespace), not {d.Identity.Namespace}"))
                .ToList();

    private static SyncResult Failed(IReadOnlyList<SyncFailure> failures, ChangeSet changes, IReadOnlyList<InventoryRecord> inventory) =>
        new(failures[0].Reason, changes, inventory, failures);

    /// <summary>The old inventory with the records of objects just applied replacing or joining it.</summary>
    private static List<InventoryRecord> Merge(IEnumerable<InventoryRecord> inventory, IEnumerable<InventoryRecord> applied)
    {
        var merged = inventory.ToDictionary(r => r.Identity);
        foreach (var record in applied)
        {
            merged[record.Identity] = record;
        }

        return [.. merged.Values];
    }

    /// <summary>One record per desired object: fresh after a write or verification, the old one for skipped objects.</summary>
    private static List<InventoryRecord> KeptRecords(IEnumerable<PlannedObject> planned, Dictionary<ObjectIdentity, InventoryRecord> old, IReadOnlyList<InventoryRecord> written)
    {
        var fresh = written.ToDictionary(r => r.Identity);
        return planned
            .Select(p => fresh.GetValueOrDefault(p.Desired.Identity) ?? p.Record ?? old.GetValueOrDefault(p.Desired.Identity) ?? new InventoryRecord(InventoryRecord.EntryOf(p.Desired), null))
            .ToList();
    }

    private static JsonObject Labelled(RenderedObject desired, GitSyncOwner owner)
    {
        var body = desired.Json.DeepClone().AsObject();
        owner.Label(body);
        return body;
    }
}
