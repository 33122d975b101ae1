using GitOpsOperator.Hosting.Leadership;
using GitOpsOperator.Tests.Chart;

namespace GitOpsOperator.Tests.Leadership;

public sealed class ChartLeaderElectionTests
{
    [Fact]
    public async Task The_operator_learns_its_namespace_from_the_downward_API_where_its_Lease_role_is_granted()
    {
        var chart = await Helm.TemplateAsync();
        var deployment = chart.Single("Deployment", "gitops-operator");
        var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        var podNamespace = Assert.Single(env, e => (string?)e!["name"] == LeaseSettings.PodNamespaceVariable)!;
        var leaseRole = chart.Single("Role", "gitops-operator-leader-election");

        Assert.Equal("metadata.namespace", (string?)podNamespace["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal((string?)deployment["metadata"]!["namespace"], (string?)leaseRole["metadata"]!["namespace"]);
    }
}
