using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    private const int RecreateAttempts = 20;
    private static readonly TimeSpan RecreateRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Server-side applies the planned objects that need a write, kind group by kind group in apply order with bounded
    /// parallelism; recreates those marked for it. Stops at the first failure and returns exactly what was applied.
    /// Unchanged and skipped objects are listed as they were planned. Every write is made as <paramref name="writeAs"/> when set.
    /// </summary>
    public async Task<ApplyOutcome> ApplyAsync(IReadOnlyList<PlannedObject> planned, SyncOptions options, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var changes = new ConcurrentQueue<Change>(planned.Where(p => !p.NeedsWrite).Select(p => p.Change));
        var records = new ConcurrentQueue<InventoryRecord>();
        SyncFailure? failure = null;
        await OrderedBatches.RunAsync(planned.Where(p => p.NeedsWrite), p => p.Desired.Identity.Kind, reverse: false, options.Parallelism, async (item, token) =>
        {
            var result = await ApplyOneAsync(item, writeAs, token);
            if (!result.IsSuccess || result.Body is null)
            {
                var reason = WriteFailureReason(result, refused: SyncOutcome.ApplyFailed);
                Interlocked.CompareExchange(ref failure, new SyncFailure(reason, item.Desired.Identity, item.Desired.Source, result.Message), null);
                return false;
            }

            Cache.Offer(result.Body);
            changes.Enqueue(item.Change);
            records.Enqueue(InventoryRecord.For(item.Desired, LiveFingerprint.Of(result.Body)));
            return true;
        }, cancellationToken);
        var ordered = ApplyOrder.Sort(changes, c => (c.Identity.Kind, c.Identity.Namespace, c.Identity.Name));
        return new ApplyOutcome(ordered, [.. records], failure);
    }

    private async Task<ApiResult> ApplyOneAsync(PlannedObject item, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        if (!item.Recreate)
        {
            return await ApplyRequestAsync(item.Resource, item.Body, dryRun: false, writeAs, cancellationToken);
        }

        var live = Cache.Get(item.Desired.Identity);
        var deleted = await DeleteAsync(item.Resource, item.Desired.Identity, live is null ? "" : ObjectJson.MetadataString(live, "uid"), writeAs, cancellationToken);
        if (!deleted.IsSuccess && !deleted.IsNotFound)
        {
            return deleted;
        }

        Cache.ForgetDeleted(item.Desired.Identity);
        for (var attempt = 1; ; attempt++)
        {
            // The old object may still be finishing its deletion; the server answers 409 until it is gone.
            var applied = await ApplyRequestAsync(item.Resource, item.Body, dryRun: false, writeAs, cancellationToken);
            if (applied.StatusCode != 409 || attempt == RecreateAttempts)
            {
                return applied;
            }

            await Task.Delay(RecreateRetryDelay, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the object with background propagation; with its uid as a precondition when known, so that a delete sent
    /// again after a lost answer (or racing a re-creation) never removes a newer object of the same name.
    /// </summary>
    private Task<ApiResult> DeleteAsync(ResourceType resource, ObjectIdentity identity, string uid, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var options = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Background" };
        if (uid.Length > 0)
        {
            options["preconditions"] = new JsonObject { ["uid"] = uid };
        }

        return api.SendAsync(HttpMethod.Delete, resource.ObjectPath(identity.Namespace, identity.Name), options, null, writeAs, cancellationToken);
    }
}
