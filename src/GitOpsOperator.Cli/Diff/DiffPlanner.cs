using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Cli.Diff;

/// <summary>
/// What applying a rendered checkout would change: each object is server dry-run applied as the kubeconfig's identity
/// (the operator's field manager, forcing ownership as the operator does) and compared with the live object; inventory
/// entries the checkout no longer renders are pruned when the GitSync prunes.
/// </summary>
public sealed class DiffPlanner(ClusterSession cluster)
{
    private readonly ResourceDiscovery discovery = new(cluster.Api);

    /// <summary>The changes, and the objects that cannot be applied (with why).</summary>
    public async Task<(IReadOnlyList<ObjectChange> Changes, IReadOnlyList<string> Failures)> PlanAsync(
        GitSyncLookup sync, IReadOnlyList<(RenderedObject Rendered, JsonObject Body)> objects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(objects);
        var owner = new GitSyncOwner(sync.Namespace, sync.Name);
        var changes = new List<ObjectChange>();
        var failures = new List<string>();
        foreach (var (rendered, body) in objects)
        {
            var (change, failure) = await PlanOneAsync(rendered, body, owner, cancellationToken).ConfigureAwait(false);
            if (change is not null)
            {
                changes.Add(change);
            }

            if (failure is not null)
            {
                failures.Add($"{rendered.Identity} ({rendered.Source}): {failure}");
            }
        }

        var renderedIds = objects.Select(o => o.Rendered.Identity).ToHashSet();
        if (sync.GitSync.Spec.Prune)
        {
            changes.AddRange(InventoryMapping.ToRecords(sync.GitSync.Status?.Inventory)
                .Where(r => !renderedIds.Contains(r.Identity))
                .Select(r => new ObjectChange(ChangeKind.Pruned, r.Identity, null, [])));
        }

        return (changes, failures);
    }

    private async Task<(ObjectChange? Change, string? Failure)> PlanOneAsync(RenderedObject rendered, JsonObject body, GitSyncOwner owner, CancellationToken cancellationToken)
    {
        var (resource, discoveryFailure) = await discovery.ResolveAsync(rendered.Type, cancellationToken).ConfigureAwait(false);
        if (discoveryFailure is not null)
        {
            _ = ClusterSession.Checked(discoveryFailure);
        }

        if (resource is null)
        {
            return (null, $"no matches for kind \"{rendered.Type.Kind}\" in version \"{rendered.Type.ApiVersion}\"");
        }

        var path = resource.ObjectPath(rendered.Identity.Namespace, rendered.Identity.Name);
        var live = await cluster.FindAsync(path, cancellationToken).ConfigureAwait(false);
        if (live is not null && ObjectJson.Annotation(live, SyncAnnotations.Reconcile) == SyncAnnotations.Disabled)
        {
            return (new ObjectChange(ChangeKind.Skipped, rendered.Identity, rendered.Source, [], "reconcile disabled on the live object"), null);
        }

        if (live is not null && GitSyncOwner.Of(live) is { } other && other != owner)
        {
            return (null, $"already owned by GitSync {other}");
        }

        var dryRun = await cluster.Api.SendAsync(
            HttpMethod.Patch, $"{path}?fieldManager={LiveFingerprint.FieldManager}&force=true&dryRun=All", body, KubeApi.ApplyContentType, cancellationToken).ConfigureAwait(false);
        if (dryRun.StatusCode == 0)
        {
            _ = ClusterSession.Checked(dryRun);
        }

        if (!dryRun.IsSuccess || dryRun.Body is null)
        {
            return (null, dryRun.Message);
        }

        if (live is null)
        {
            return (new ObjectChange(ChangeKind.Created, rendered.Identity, rendered.Source, FieldChange.Between(null, Shown(dryRun.Body))), null);
        }

        return LiveComparison.WouldChange(dryRun.Body, live)
            ? (new ObjectChange(ChangeKind.Changed, rendered.Identity, rendered.Source, FieldChange.Between(Shown(live), Shown(dryRun.Body))), null)
            : (new ObjectChange(ChangeKind.Unchanged, rendered.Identity, rendered.Source, []), null);
    }

    /// <summary>An object as the diff compares it: without status and server-maintained metadata.</summary>
    private static JsonObject Shown(JsonObject obj) => LiveComparison.Comparable(obj);
}
