using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    /// <summary>
    /// Pairs each desired object with its live one and decides created / configured / unchanged / skipped. An object whose
    /// desired hash and live fingerprint match its inventory record costs no request; any other is server dry-run applied.
    /// Returns the plan and every object that cannot be applied (unknown kind, invalid, immutable change, owned elsewhere,
    /// forbidden to <paramref name="writeAs"/>: the dry-run is made as the identity that will write).
    /// </summary>
    public async Task<PlanResult> PlanAsync(
        IReadOnlyList<RenderedObject> desired, IReadOnlyDictionary<ObjectIdentity, InventoryRecord> records, GitSyncOwner owner, SyncOptions options, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var planned = new ConcurrentQueue<PlannedObject>();
        var failures = new ConcurrentQueue<SyncFailure>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(desired, parallel, async (item, token) =>
        {
            var (plan, failure) = await PlanOneAsync(item, records.GetValueOrDefault(item.Identity), owner, options, writeAs, token);
            if (plan is not null)
            {
                planned.Enqueue(plan);
            }

            if (failure is not null)
            {
                failures.Enqueue(failure);
            }
        });
        return new PlanResult(
            ApplyOrder.Sort(planned, p => (p.Desired.Identity.Kind, p.Desired.Identity.Namespace, p.Desired.Identity.Name)),
            ApplyOrder.Sort(failures, f => (f.Identity?.Kind ?? "", f.Identity?.Namespace ?? "", f.Identity?.Name ?? "")));
    }

    private async Task<(PlannedObject? Plan, SyncFailure? Failure)> PlanOneAsync(
        RenderedObject desired, InventoryRecord? record, GitSyncOwner owner, SyncOptions options, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var (resource, discoveryFailure) = await discovery.ResolveAsync(desired.Type, cancellationToken);
        if (discoveryFailure is not null)
        {
            return (null, Failure(SyncOutcome.ApplyFailed, desired, $"discovery failed: {discoveryFailure.Message}"));
        }

        if (resource is null)
        {
            return (null, Failure(SyncOutcome.ValidationFailed, desired, $"no matches for kind \"{desired.Type.Kind}\" in version \"{desired.Type.ApiVersion}\""));
        }

        if (await Cache.WatchAsync(resource, options.Timeout, cancellationToken) is { } unreadable)
        {
            return (null, Failure(unreadable.IsAccessDenied ? SyncOutcome.AccessDenied : SyncOutcome.ApplyFailed, desired, $"cannot read the live objects: {unreadable}"));
        }

        var live = Cache.Get(desired.Identity);
        var body = Labelled(desired, owner);
        if (live is not null)
        {
            if (ObjectJson.Annotation(live, SyncAnnotations.Reconcile) == SyncAnnotations.Disabled)
            {
                return (new PlannedObject(desired, resource, body, ChangeAction.Skipped, "reconcile disabled on the live object") { Record = record }, null);
            }

            if (GitSyncOwner.Of(live) is { } other && other != owner)
            {
                return (null, Failure(SyncOutcome.OwnershipConflict, desired, $"already owned by GitSync {other}"));
            }

            if (record?.Hash is { } hash && hash == InventoryRecord.HashOf(desired.ContentHash, LiveFingerprint.Of(live)))
            {
                return (new PlannedObject(desired, resource, body, ChangeAction.Unchanged, "unchanged since the last apply") { Record = record }, null);
            }
        }

        var dryRun = await ApplyRequestAsync(resource, body, dryRun: true, writeAs, cancellationToken);
        return Decide(desired, resource, body, live, record, dryRun, options);
    }

    private static (PlannedObject? Plan, SyncFailure? Failure) Decide(RenderedObject desired, ResourceType resource, JsonObject body, JsonObject? live, InventoryRecord? record, ApiResult dryRun, SyncOptions options)
    {
        if (!dryRun.IsSuccess || dryRun.Body is null)
        {
            var forced = options.Force || ObjectJson.Annotation(desired.Json, SyncAnnotations.Force) == SyncAnnotations.Enabled;
            return dryRun.IsImmutableChange && forced
                ? (new PlannedObject(desired, resource, body, ChangeAction.Configured, "immutable field changed: recreated") { Recreate = true }, null)
                : (null, Failure(WriteFailureReason(dryRun, refused: SyncOutcome.ValidationFailed), desired, dryRun.Message));
        }

        if (live is null)
        {
            return Unmanaged(desired, resource, body, dryRun.Body);
        }

        if (LiveComparison.WouldChange(dryRun.Body, live))
        {
            return (new PlannedObject(desired, resource, body, ChangeAction.Configured, ConfiguredReason(desired, live, record)), null);
        }

        var verified = InventoryRecord.For(desired, LiveFingerprint.Of(live));
        return (new PlannedObject(desired, resource, body, ChangeAction.Unchanged, "matches the live object") { Record = verified }, null);
    }

    /// <summary>
    /// An object the cache does not hold: new, or live without owner labels (the cache watches labelled objects only).
    /// The dry-run's answer tells which, without another request: only an object that exists has a resourceVersion.
    /// </summary>
    private static (PlannedObject? Plan, SyncFailure? Failure) Unmanaged(RenderedObject desired, ResourceType resource, JsonObject body, JsonObject dryRun)
    {
        if (ObjectJson.MetadataString(dryRun, "resourceVersion").Length == 0)
        {
            return (new PlannedObject(desired, resource, body, ChangeAction.Created, "new in git"), null);
        }

        return ObjectJson.Annotation(dryRun, SyncAnnotations.Reconcile) == SyncAnnotations.Disabled
            ? (new PlannedObject(desired, resource, body, ChangeAction.Skipped, "reconcile disabled on the live object"), null)
            : (new PlannedObject(desired, resource, body, ChangeAction.Configured, "adopted: the live object had no owner labels"), null);
    }

    private static string ConfiguredReason(RenderedObject desired, JsonObject live, InventoryRecord? record) =>
        GitSyncOwner.Of(live) is null ? "adopted: the live object had no owner labels"
        : record?.RecordsDesired(desired.ContentHash) == true ? "live object drifted from git"
        : "changed in git";

    private static SyncFailure Failure(SyncOutcome reason, RenderedObject desired, string message) =>
        new(reason, desired.Identity, desired.Source, message);

    /// <summary>Why a write failed: AccessDenied when forbidden to the identity, <paramref name="refused"/> for another refusal, else ApplyFailed.</summary>
    private static SyncOutcome WriteFailureReason(ApiResult result, SyncOutcome refused) =>
        result.IsForbidden ? SyncOutcome.AccessDenied : result.IsRefusal ? refused : SyncOutcome.ApplyFailed;

    private Task<ApiResult> ApplyRequestAsync(ResourceType resource, JsonObject body, bool dryRun, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var path = resource.ObjectPath(ObjectJson.MetadataString(body, "namespace"), ObjectJson.MetadataString(body, "name"))
            + $"?fieldManager={LiveFingerprint.FieldManager}&force=true" + (dryRun ? "&dryRun=All" : "");
        return api.SendAsync(HttpMethod.Patch, path, body, KubeApi.ApplyContentType, writeAs, cancellationToken);
    }
}
