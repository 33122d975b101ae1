using GitOpsOperator.Hosting;
using Microsoft.Extensions.Configuration;

namespace GitOpsOperator.Tests.Host;

public sealed class LeaderElectionOptionsTests
{
    private static OperatorOptions Bind(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(OperatorOptions.Section).Get<OperatorOptions>()!;

    [Fact]
    public void Leader_election_is_off_unless_asked_for()
    {
        var options = new OperatorOptions();

        Assert.False(options.LeaderElection);
        Assert.Equal("gitops-operator-leader", options.LeaseName);
        Assert.Null(options.LeaseNamespace);
        Assert.Equal(
            (TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)),
            (options.LeaseDuration, options.RenewDeadline, options.RetryPeriod));
    }

    [Fact]
    public void The_command_line_turns_it_on_and_names_the_Lease()
    {
        var result = CommandLine.Parse(["--leader-election", "--lease-name", "mine", "--lease-namespace=ops"]);

        Assert.Null(result.Error);
        var options = Bind(result.Settings);
        Assert.Equal((true, "mine", "ops"), (options.LeaderElection, options.LeaseName, options.LeaseNamespace));
        Assert.Contains("--leader-election", CommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Timing_comes_from_settings()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Operator:LeaderElection"] = "true",
            ["Operator:LeaseDuration"] = "00:00:03",
            ["Operator:RenewDeadline"] = "00:00:02",
            ["Operator:RetryPeriod"] = "00:00:00.500",
        });

        Assert.Equal(
            (true, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500)),
            (options.LeaderElection, options.LeaseDuration, options.RenewDeadline, options.RetryPeriod));
    }

    [Fact]
    public void Timing_that_cannot_work_is_named()
    {
        var options = new OperatorOptions
        {
            LeaseName = " ",
            LeaseNamespace = "",
            LeaseDuration = TimeSpan.FromMilliseconds(500),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromSeconds(1),
        };

        var problems = OptionsValidation.Problems(options);

        Assert.Equal(
            [
                "lease name is empty",
                "lease namespace is empty (leave it out for the default)",
                "lease duration 00:00:00.5000000 is less than one second",
                "renew deadline 00:00:01 is not shorter than the lease duration 00:00:00.5000000",
                "retry period 00:00:01 is not shorter than the renew deadline 00:00:01",
            ],
            problems);
    }
}
