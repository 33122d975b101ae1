using GitOpsOperator.Machinery.Informers;
using k8s;
using k8s.Models;
using KubeEmulator.Security.Rbac;

namespace KubeEmulator.Controllers;

/// <summary>How each watched kind is reached through the typed client.</summary>
internal static class KindApis
{
    /// <summary>The field manager recorded for the controllers' writes, as the real cluster records it.</summary>
    public const string FieldManager = "kube-controller-manager";

    private static int WatchTimeoutSeconds => Random.Shared.Next(240, 360);

    public static KindApi<V1Deployment> Deployments(IKubernetes client) => new(
        async ct => Snapshot<V1Deployment, V1DeploymentList>(await client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.AppsV1.WatchListDeploymentForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    public static KindApi<V1ReplicaSet> ReplicaSets(IKubernetes client) => new(
        async ct => Snapshot<V1ReplicaSet, V1ReplicaSetList>(await client.AppsV1.ListReplicaSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.AppsV1.WatchListReplicaSetForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.AppsV1.ReadNamespacedReplicaSetAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.AppsV1.ReplaceNamespacedReplicaSetStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    public static KindApi<V1StatefulSet> StatefulSets(IKubernetes client) => new(
        async ct => Snapshot<V1StatefulSet, V1StatefulSetList>(await client.AppsV1.ListStatefulSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.AppsV1.WatchListStatefulSetForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.AppsV1.ReplaceNamespacedStatefulSetStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    public static KindApi<V1DaemonSet> DaemonSets(IKubernetes client) => new(
        async ct => Snapshot<V1DaemonSet, V1DaemonSetList>(await client.AppsV1.ListDaemonSetForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.AppsV1.WatchListDaemonSetForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.AppsV1.ReadNamespacedDaemonSetAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.AppsV1.ReplaceNamespacedDaemonSetStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    public static KindApi<V1Job> Jobs(IKubernetes client) => new(
        async ct => Snapshot<V1Job, V1JobList>(await client.BatchV1.ListJobForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.BatchV1.WatchListJobForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.BatchV1.ReadNamespacedJobAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.BatchV1.ReplaceNamespacedJobStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    public static KindApi<V1PersistentVolumeClaim> PersistentVolumeClaims(IKubernetes client) => new(
        async ct => Snapshot<V1PersistentVolumeClaim, V1PersistentVolumeClaimList>(await client.CoreV1.ListPersistentVolumeClaimForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.CoreV1.WatchListPersistentVolumeClaimForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.CoreV1.ReplaceNamespacedPersistentVolumeClaimStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    public static KindApi<V1Service> Services(IKubernetes client) => new(
        async ct => Snapshot<V1Service, V1ServiceList>(await client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.CoreV1.WatchListServiceForAllNamespacesAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (ns, name, ct) => client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: ct),
        (o, ct) => client.CoreV1.ReplaceNamespacedServiceStatusAsync(o, o.Name(), o.Namespace(), fieldManager: FieldManager, cancellationToken: ct));

    /// <summary>
    /// ClusterRoles have no status: the part their (aggregation) controller owns is the rules, written by a plain
    /// replace with that controller's field manager.
    /// </summary>
    public static KindApi<V1ClusterRole> ClusterRoles(IKubernetes client) => new(
        async ct => Snapshot<V1ClusterRole, V1ClusterRoleList>(await client.RbacAuthorizationV1.ListClusterRoleAsync(cancellationToken: ct).ConfigureAwait(false)),
        (rv, onError, ct) => client.RbacAuthorizationV1.WatchListClusterRoleAsync(
            resourceVersion: rv, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: ct),
        (_, name, ct) => client.RbacAuthorizationV1.ReadClusterRoleAsync(name, cancellationToken: ct),
        (o, ct) => client.RbacAuthorizationV1.ReplaceClusterRoleAsync(o, o.Name(), fieldManager: ClusterRoleAggregationController.FieldManager, cancellationToken: ct));

    private static ListedObjects<T> Snapshot<T, TList>(TList list)
        where T : class
        where TList : IItems<T>, IMetadata<V1ListMeta> =>
        new(list.Items?.ToList() ?? [], list.Metadata?.ResourceVersion ?? "");
}
