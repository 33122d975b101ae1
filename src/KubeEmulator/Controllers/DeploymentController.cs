using System.Net;
using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Queue;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// Deployments: each template gets a ReplicaSet of its own (named and labelled with the template hash, controlled
/// by the Deployment); the current one is scaled to the Deployment's replicas and the others to zero, and the
/// Deployment's status is derived from them. A Deployment whose template carries the fail marker reports
/// ProgressDeadlineExceeded once the ready delay has passed.
/// </summary>
internal sealed class DeploymentController : ISimulatedController
{
    private readonly IKubernetes client;
    private readonly ControllerOptions options;
    private readonly Informer<V1Deployment> deployments;
    private readonly Informer<V1ReplicaSet> replicaSets;
    private readonly WorkQueue<string> queue;
    private readonly ProgressClock clock;
    private readonly StatusWriter<V1Deployment, V1DeploymentStatus> writer;

    public DeploymentController(IKubernetes client, ControllerOptions options)
    {
        this.client = client;
        this.options = options;
        var api = KindApis.Deployments(client);
        deployments = ControllerInformers.For(api);
        replicaSets = ControllerInformers.For(KindApis.ReplicaSets(client));
        queue = ControllerQueues.For(nameof(V1Deployment), ReconcileAsync);
        clock = new ProgressClock(options.ReadyDelay, TimeProvider.System);
        writer = new StatusWriter<V1Deployment, V1DeploymentStatus>(api, d => d.Status, (d, status) => d with { Status = status });
    }

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        deployments.RunAsync(OnDeploymentChange, OnDeploymentDeleted, cancellationToken),
        replicaSets.RunAsync((_, replicaSet) => OnReplicaSetChange(replicaSet), OnReplicaSetChange, cancellationToken),
        WorkAsync(cancellationToken));

    private void OnDeploymentChange(V1Deployment? previous, V1Deployment deployment) => queue.Add(ObjectKey.Of(deployment));

    private void OnDeploymentDeleted(V1Deployment deployment) => clock.Forget(deployment.Metadata);

    private void OnReplicaSetChange(V1ReplicaSet replicaSet)
    {
        if (DeploymentReplicaSets.OwnerKey(replicaSet) is { } owner)
        {
            queue.Add(owner);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(deployments.WaitUntilSyncedAsync(cancellationToken), replicaSets.WaitUntilSyncedAsync(cancellationToken)).ConfigureAwait(false);
        await queue.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WorkResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (deployments.Get(key) is not { } deployment || deployment.Metadata.DeletionTimestamp is not null)
        {
            return WorkResult.Done;
        }

        var hash = PodTemplateHash.Of(deployment.Spec?.Template);
        var owned = replicaSets.Items.Where(rs => DeploymentReplicaSets.IsControlledBy(rs, deployment)).ToList();
        var current = owned.FirstOrDefault(rs => rs.GetLabel(DeploymentReplicaSets.HashLabel) == hash);
        var old = owned.Where(rs => !ReferenceEquals(rs, current)).ToList();
        var revision = NextRevision(current, old);

        if (current is null && !await IsLiveAsync(deployment, cancellationToken).ConfigureAwait(false))
        {
            return WorkResult.Done;
        }

        var newReplicaSet = current is null
            ? await CreateReplicaSetAsync(deployment, hash, revision, cancellationToken).ConfigureAwait(false)
            : await SyncReplicaSetAsync(deployment, current, revision, cancellationToken).ConfigureAwait(false);
        if (newReplicaSet is null)
        {
            return WorkResult.Done;
        }

        foreach (var stale in old.Where(rs => rs.Spec?.Replicas != 0))
        {
            await PatchReplicaSetAsync(stale, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 0 } }, cancellationToken).ConfigureAwait(false);
        }

        deployment = await RecordRevisionAsync(deployment, revision, cancellationToken).ConfigureAwait(false);
        var remaining = clock.Remaining(deployment.Metadata);
        var due = remaining == TimeSpan.Zero;
        await writer.WriteAsync(
            deployment,
            fresh => PodTemplateHash.Of(fresh.Spec?.Template) != hash
                ? null
                : DeploymentStatuses.Desired(
                    fresh, newReplicaSet, old, WorkloadFates.Of(fresh.Spec?.Template, options), due, Timestamps.Now()),
            cancellationToken).ConfigureAwait(false);
        return due ? WorkResult.Done : WorkResult.After(remaining);
    }

    /// <summary>The current ReplicaSet keeps its revision unless an older one is current again (a rollback): then it goes on top.</summary>
    private static long NextRevision(V1ReplicaSet? current, IReadOnlyCollection<V1ReplicaSet> old)
    {
        var newestOld = old.Count == 0 ? 0 : old.Max(DeploymentReplicaSets.Revision);
        return current is not null && DeploymentReplicaSets.Revision(current) > newestOld
            ? DeploymentReplicaSets.Revision(current)
            : newestOld + 1;
    }

    /// <summary>
    /// Reads the Deployment from the server before creating a child: the two informers watch separately, so the
    /// cache can still hold a Deployment whose ReplicaSet the garbage collector has already taken with it.
    /// </summary>
    private async Task<bool> IsLiveAsync(V1Deployment cached, CancellationToken cancellationToken)
    {
        try
        {
            var live = await client.AppsV1.ReadNamespacedDeploymentAsync(
                cached.Name(), cached.Namespace(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return live.Metadata.Uid == cached.Metadata.Uid && live.Metadata.DeletionTimestamp is null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<V1ReplicaSet?> CreateReplicaSetAsync(V1Deployment deployment, string hash, long revision, CancellationToken cancellationToken)
    {
        var replicaSet = DeploymentReplicaSets.NewFor(deployment, hash, revision);
        try
        {
            return await client.AppsV1.CreateNamespacedReplicaSetAsync(
                replicaSet, replicaSet.Namespace(), fieldManager: KindApis.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await client.AppsV1.ReadNamespacedReplicaSetAsync(
                replicaSet.Name(), replicaSet.Namespace(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return DeploymentReplicaSets.IsControlledBy(existing, deployment) ? existing : null;
        }
    }

    private Task<V1ReplicaSet> SyncReplicaSetAsync(V1Deployment deployment, V1ReplicaSet current, long revision, CancellationToken cancellationToken)
    {
        var annotations = DeploymentReplicaSets.Annotations(deployment, revision);
        var inSync = current.Spec?.Replicas == (deployment.Spec?.Replicas ?? 1)
            && annotations.All(a => current.GetAnnotation(a.Key) == a.Value);
        if (inSync)
        {
            return Task.FromResult(current);
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))) },
            ["spec"] = new JsonObject { ["replicas"] = deployment.Spec?.Replicas ?? 1 },
        };
        return PatchReplicaSetAsync(current, patch, cancellationToken);
    }

    private Task<V1ReplicaSet> PatchReplicaSetAsync(V1ReplicaSet replicaSet, JsonObject patch, CancellationToken cancellationToken) =>
        client.AppsV1.PatchNamespacedReplicaSetAsync(
            new V1Patch(patch, V1Patch.PatchType.MergePatch),
            replicaSet.Name(),
            replicaSet.Namespace(),
            fieldManager: KindApis.FieldManager,
            cancellationToken: cancellationToken);

    private async Task<V1Deployment> RecordRevisionAsync(V1Deployment deployment, long revision, CancellationToken cancellationToken)
    {
        var text = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (deployment.GetAnnotation(DeploymentReplicaSets.RevisionAnnotation) == text)
        {
            return deployment;
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [DeploymentReplicaSets.RevisionAnnotation] = text } },
        };
        return await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(patch, V1Patch.PatchType.MergePatch),
            deployment.Name(),
            deployment.Namespace(),
            fieldManager: KindApis.FieldManager,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
