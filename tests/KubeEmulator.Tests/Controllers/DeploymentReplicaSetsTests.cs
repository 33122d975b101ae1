using KubeEmulator.Controllers;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class DeploymentReplicaSetsTests
{
    [Fact]
    public void New_replica_set_is_named_and_labelled_for_the_template_hash()
    {
        var deployment = Workloads.Deployment(replicas: 3);

        var rs = DeploymentReplicaSets.NewFor(deployment, "5d59d67564", revision: 2);

        Assert.Equal("web-5d59d67564", rs.Metadata.Name);
        Assert.Equal("shop", rs.Metadata.NamespaceProperty);
        Assert.Equal("5d59d67564", rs.Metadata.Labels["pod-template-hash"]);
        Assert.Equal("5d59d67564", rs.Spec.Selector.MatchLabels["pod-template-hash"]);
        Assert.Equal("web", rs.Spec.Selector.MatchLabels["app"]);
        Assert.Equal("5d59d67564", rs.Spec.Template.Metadata.Labels["pod-template-hash"]);
        Assert.Equal(3, rs.Spec.Replicas);
        Assert.Equal("2", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("3", rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("4", rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]);
    }

    [Fact]
    public void New_replica_set_is_controlled_by_the_deployment()
    {
        var deployment = Workloads.Deployment();

        var owner = Assert.Single(DeploymentReplicaSets.NewFor(deployment, "abc", 1).Metadata.OwnerReferences);

        Assert.Equal(("apps/v1", "Deployment", "web", "dep-uid"), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid));
        Assert.True(owner.Controller);
        Assert.True(owner.BlockOwnerDeletion);
    }

    [Fact]
    public void New_replica_set_leaves_the_deployment_template_untouched()
    {
        var deployment = Workloads.Deployment();

        DeploymentReplicaSets.NewFor(deployment, "abc", 1);

        Assert.False(deployment.Spec.Template.Metadata.Labels.ContainsKey("pod-template-hash"));
        Assert.False(deployment.Spec.Selector.MatchLabels.ContainsKey("pod-template-hash"));
    }

    [Fact]
    public void Replica_set_controlled_by_another_deployment_is_not_ours()
    {
        var deployment = Workloads.Deployment();
        var rs = DeploymentReplicaSets.NewFor(deployment, "abc", 1);
        rs.Metadata.OwnerReferences[0].Uid = "someone-else";

        Assert.False(DeploymentReplicaSets.IsControlledBy(rs, deployment));
    }
}
