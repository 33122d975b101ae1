using GitOpsOperator.Hosting;

namespace GitOpsOperator.Tests.Host;

public sealed class CommandLineTests
{
    [Fact]
    public void Options_become_operator_settings()
    {
        var result = CommandLine.Parse(["--kubeconfig", "/tmp/kc", "--install-crds", "--namespace=apps", "--http-port", "9090", "--log-format", "json", "--log-level", "Debug", "--concurrency", "8"]);

        Assert.Null(result.Error);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Operator:Kubeconfig"] = "/tmp/kc",
                ["Operator:InstallCrds"] = "true",
                ["Operator:Namespace"] = "apps",
                ["Operator:HttpPort"] = "9090",
                ["Operator:LogFormat"] = "json",
                ["Operator:LogLevel"] = "Debug",
                ["Operator:Concurrency"] = "8",
            },
            result.Settings);
    }

    [Fact]
    public void Tenancy_flags_become_settings_and_a_default_service_account_that_is_no_name_is_refused()
    {
        var result = CommandLine.Parse(["--default-service-account", "deployer", "--no-cross-namespace-refs"]);

        Assert.Null(result.Error);
        Assert.Equal(
            new Dictionary<string, string?> { ["Operator:DefaultServiceAccount"] = "deployer", ["Operator:NoCrossNamespaceRefs"] = "true" },
            result.Settings);
        Assert.Contains("--default-service-account NAME", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("--no-cross-namespace-refs", CommandLine.Usage, StringComparison.Ordinal);
        var problem = Assert.Single(OptionsValidation.Problems(new OperatorOptions { DefaultServiceAccount = "team:deployer" }));
        Assert.StartsWith("default service account \"team:deployer\" is not a ServiceAccount name", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_anywhere_wins_over_everything_else(string flag)
    {
        Assert.True(CommandLine.Parse(["--bogus", flag]).Help);
        Assert.True(CommandLine.Parse(["--namespace", "apps", flag, "--http-port", "eighty"]).Help);
    }

    [Theory]
    [InlineData("unknown option \"--bogus\"", "--bogus")]
    [InlineData("--namespace needs a value", "--namespace")]
    [InlineData("--http-port takes a number, not \"eighty\"", "--http-port", "eighty")]
    [InlineData("--install-crds takes true or false, not \"yes\"", "--install-crds=yes")]
    public void Mistakes_are_named(string error, params string[] args) =>
        Assert.Equal(error, CommandLine.Parse(args).Error);

    [Fact]
    public void Settings_that_cannot_work_are_named()
    {
        var problems = OptionsValidation.Problems(new OperatorOptions { HttpPort = 70000, LogFormat = "xml", LogLevel = "chatty", HttpAddress = "everywhere", Concurrency = 0 });

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("concurrency 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("70000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"xml\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"chatty\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"everywhere\"", StringComparison.Ordinal));
        Assert.Empty(OptionsValidation.Problems(new OperatorOptions()));
    }
}
