using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Queue;
using k8s;
using k8s.Models;
using KubeEmulator.Controllers;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// The clusterrole-aggregation controller: every ClusterRole with an aggregationRule has its rules kept equal to
/// the rules of the ClusterRoles its selectors match. Any ClusterRole change looks at every aggregated role again.
/// </summary>
internal sealed class ClusterRoleAggregationController : ISimulatedController
{
    /// <summary>The field manager the real controller writes with.</summary>
    public const string FieldManager = "clusterrole-aggregation-controller";

    private readonly KindApi<V1ClusterRole> api;
    private readonly Informer<V1ClusterRole> roles;
    private readonly WorkQueue<string> queue;

    public ClusterRoleAggregationController(IKubernetes client)
    {
        api = KindApis.ClusterRoles(client);
        roles = ControllerInformers.For(api);
        queue = ControllerQueues.For(nameof(V1ClusterRole), ReconcileAsync);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watching = roles.RunAsync((_, _) => QueueAggregated(), _ => QueueAggregated(), cancellationToken);
        var working = WorkAsync(cancellationToken);
        await Task.WhenAll(watching, working).ConfigureAwait(false);
    }

    private void QueueAggregated()
    {
        foreach (var role in roles.Items.Where(ClusterRoleAggregation.IsAggregated))
        {
            queue.Add(role.Name());
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await roles.WaitUntilSyncedAsync(cancellationToken).ConfigureAwait(false);
        await queue.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WorkResult> ReconcileAsync(string name, CancellationToken cancellationToken)
    {
        if (roles.Get("", name) is not { } role || !ClusterRoleAggregation.IsAggregated(role))
        {
            return WorkResult.Done;
        }

        var rules = ClusterRoleAggregation.RulesFor(role, roles.Items);
        if (ClusterRoleAggregation.SameRules(rules, role.Rules))
        {
            return WorkResult.Done;
        }

        await api.ReplaceStatus(role with { Rules = rules }, cancellationToken).ConfigureAwait(false);
        return WorkResult.Done;
    }
}
