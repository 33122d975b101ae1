using GitOpsOperator.Tests.Support;
using KubeEmulator;

namespace GitOpsOperator.Tests.Chart;

public sealed class InstallYamlTests
{
    private static readonly string InstallYaml = RepositoryRoot.Combine("deploy", "install.yaml");

    [Fact]
    public async Task Install_yaml_is_what_the_generator_makes_from_the_chart_today()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"install-{Guid.NewGuid():N}.yaml");
        try
        {
            await GenerateAsync(fresh);

            Assert.True(
                File.ReadAllText(InstallYaml) == File.ReadAllText(fresh),
                "deploy/install.yaml is stale: run scripts/generate-install-yaml.sh");
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public async Task Install_yaml_holds_the_namespace_the_crds_and_the_chart()
    {
        var objects = RenderedChart.Parse(await File.ReadAllTextAsync(InstallYaml)).Objects;

        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "CustomResourceDefinition", "CustomResourceDefinition", "CustomResourceDefinition", "CustomResourceDefinition", "Deployment", "Namespace", "Role", "RoleBinding", "Service", "ServiceAccount"],
            objects.Select(o => (string)o["kind"]!).Order(StringComparer.Ordinal));
        Assert.Equal("gitops-system", (string?)objects[0]["metadata"]!["name"]);
        Assert.All(
            objects.Where(o => (string?)o["kind"] is not ("Namespace" or "CustomResourceDefinition" or "ClusterRole" or "ClusterRoleBinding")),
            o => Assert.Equal("gitops-system", (string?)o["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task Install_yaml_applies_server_side_against_the_emulator()
    {
        await using var cluster = await EmulatedCluster.StartAsync();

        var output = await Kubectl.SucceedAsync(cluster.KubeconfigPath, null, "apply", "--server-side", "-f", InstallYaml);
        var again = await Kubectl.SucceedAsync(cluster.KubeconfigPath, null, "apply", "--server-side", "-f", InstallYaml);

        Assert.Contains("namespace/gitops-system serverside-applied", output, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/gitops-operator serverside-applied", again, StringComparison.Ordinal);
        Assert.Equal(
            "gitops-operator",
            await Kubectl.SucceedAsync(cluster.KubeconfigPath, null, "-n", "gitops-system", "get", "deployment", "gitops-operator", "-o", "jsonpath={.metadata.name}"));
        Assert.Equal(
            "gitrepositories.gitops.operator.io gitsyncs.gitops.operator.io imagepolicies.gitops.operator.io imagerepositories.gitops.operator.io imageupdateautomations.gitops.operator.io",
            await Kubectl.SucceedAsync(cluster.KubeconfigPath, null, "get", "crd", "-o", "jsonpath={.items[*].metadata.name}"));
    }

    private static async Task GenerateAsync(string output)
    {
        var script = new ProcessCommand("bash", [RepositoryRoot.Combine("scripts", "generate-install-yaml.sh"), output])
        {
            Environment = new Dictionary<string, string> { ["HELM"] = Helm.BinaryPath },
        };
        var result = await ProcessRunner.RunAsync(script);
        Assert.True(result.Succeeded, $"generate-install-yaml.sh exited {result.ExitCode}: {result.Stderr}");
    }
}
