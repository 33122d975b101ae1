using GitOpsOperator.Hosting;
using GitOpsOperator.Hosting.Leadership;

namespace GitOpsOperator.Tests.Leadership;

public sealed class LeaseSettingsTests
{
    private static Func<string, string?> WithPodNamespace(string? podNamespace) =>
        name => name == LeaseSettings.PodNamespaceVariable ? podNamespace : null;

    [Theory]
    [InlineData("leases", "pods", "apps", "leases")]
    [InlineData(null, "pods", "apps", "pods")]
    [InlineData(null, "", "apps", "apps")]
    [InlineData(null, null, "apps", "apps")]
    [InlineData(null, null, null, "default")]
    public void The_Lease_namespace_is_the_configured_one_else_the_pod_namespace_else_the_watched_one_else_default(
        string? leaseNamespace, string? podNamespace, string? watched, string expected)
    {
        var options = new OperatorOptions { LeaseNamespace = leaseNamespace, Namespace = watched };

        Assert.Equal(expected, LeaseSettings.From(options, WithPodNamespace(podNamespace)).Namespace);
    }

    [Fact]
    public void Name_and_timing_come_from_the_options_and_the_identity_names_host_and_process()
    {
        var options = new OperatorOptions
        {
            LeaseName = "my-lease",
            LeaseDuration = TimeSpan.FromSeconds(30),
            RenewDeadline = TimeSpan.FromSeconds(20),
            RetryPeriod = TimeSpan.FromSeconds(4),
        };

        var settings = LeaseSettings.From(options, WithPodNamespace(null));

        Assert.Equal(
            ("my-lease", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(4)),
            (settings.Name, settings.LeaseDuration, settings.RenewDeadline, settings.RetryPeriod));
        Assert.Equal($"{Environment.MachineName}_{Environment.ProcessId}", settings.Identity);
    }
}
