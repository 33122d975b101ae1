using KubeEmulator.Controllers;
using k8s.Models;

namespace KubeEmulator.Tests.Controllers;

public class RollingUpdateTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 1)]
    [InlineData(10, 2)]
    public void Default_max_unavailable_is_a_quarter_rounded_down(int replicas, int expected)
    {
        Assert.Equal(expected, RollingUpdate.MaxUnavailable(Workloads.Deployment(replicas: replicas)));
    }

    [Fact]
    public void Recreate_strategy_allows_no_unavailable_replica()
    {
        var deployment = Workloads.Deployment(replicas: 4);
        deployment.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };

        Assert.Equal(0, RollingUpdate.MaxUnavailable(deployment));
    }

    [Fact]
    public void Zero_surge_and_zero_unavailable_still_allows_one()
    {
        var deployment = Workloads.Deployment(replicas: 4);
        deployment.Spec.Strategy = new V1DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 0, MaxUnavailable = "0%" },
        };

        Assert.Equal(1, RollingUpdate.MaxUnavailable(deployment));
    }
}
