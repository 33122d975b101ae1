using GitOpsOperator.Hosting;

namespace GitOpsOperator.Tests.Chart;

public sealed class ChartArgumentsTests
{
    [Fact]
    public async Task The_operator_accepts_the_arguments_the_chart_gives_it()
    {
        var chart = await Helm.TemplateAsync("watchNamespace=apps", "installCRDs=true", "httpPort=9090", "logFormat=console", "logLevel=Warning",
            "tenancy.impersonate=true", "tenancy.defaultServiceAccount=deployer", "tenancy.noCrossNamespaceRefs=true");
        var args = chart.Single("Deployment", "gitops-operator")["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!
            .AsArray().Select(a => (string)a!).ToList();

        var result = CommandLine.Parse(args);

        Assert.Null(result.Error);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Operator:Namespace"] = "apps",
                ["Operator:InstallCrds"] = "true",
                ["Operator:HttpPort"] = "9090",
                ["Operator:LogFormat"] = "console",
                ["Operator:LogLevel"] = "Warning",
                ["Operator:DefaultServiceAccount"] = "deployer",
                ["Operator:NoCrossNamespaceRefs"] = "true",
            }.OrderBy(s => s.Key, StringComparer.Ordinal),
            result.Settings.OrderBy(s => s.Key, StringComparer.Ordinal));
    }
}
