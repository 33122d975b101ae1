using GitOpsOperator.Tests.Support;
using KubeEmulator;

namespace GitOpsOperator.Tests.Chart;

public sealed class HelmInstallTests
{
    private const string Namespace = "gitops-system";

    private static readonly string[] NamespacedObjects =
    [
        "serviceaccount/gitops-operator",
        "deployment.apps/gitops-operator",
        "service/gitops-operator",
        "role.rbac.authorization.k8s.io/gitops-operator-leader-election",
        "rolebinding.rbac.authorization.k8s.io/gitops-operator-leader-election",
    ];

    private static readonly string[] ClusterObjects =
    [
        "clusterrole.rbac.authorization.k8s.io/gitops-operator",
        "clusterrolebinding.rbac.authorization.k8s.io/gitops-operator",
    ];

    private static readonly string[] Crds =
    [
        "customresourcedefinition.apiextensions.k8s.io/gitrepositories.gitops.operator.io",
        "customresourcedefinition.apiextensions.k8s.io/gitsyncs.gitops.operator.io",
        "customresourcedefinition.apiextensions.k8s.io/imagepolicies.gitops.operator.io",
        "customresourcedefinition.apiextensions.k8s.io/imagerepositories.gitops.operator.io",
        "customresourcedefinition.apiextensions.k8s.io/imageupdateautomations.gitops.operator.io",
    ];

    [Fact]
    public async Task Helm_install_into_the_emulator_creates_the_operator_and_uninstall_removes_it_but_keeps_the_crds()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        var kubeconfig = cluster.KubeconfigPath;

        var notes = await HelmAsync(kubeconfig, "install", "gitops-operator", Helm.ChartPath, "--namespace", Namespace, "--create-namespace");

        Assert.Contains("NOTHING beyond its own GitRepositories and GitSyncs", notes, StringComparison.Ordinal);
        Assert.Equal(NamespacedObjects.Order(StringComparer.Ordinal), await NamesAsync(kubeconfig, "-n", Namespace, "get", "serviceaccount,deployment,service,role,rolebinding", "-l", "app.kubernetes.io/instance=gitops-operator"));
        Assert.Equal(ClusterObjects, await NamesAsync(kubeconfig, "get", "clusterrole,clusterrolebinding", "-l", "app.kubernetes.io/instance=gitops-operator"));
        Assert.Equal(Crds, await NamesAsync(kubeconfig, "get", "customresourcedefinitions"));
        Assert.Contains("deployed", await HelmAsync(kubeconfig, "status", "gitops-operator", "--namespace", Namespace), StringComparison.Ordinal);

        await HelmAsync(kubeconfig, "uninstall", "gitops-operator", "--namespace", Namespace, "--wait");

        Assert.Empty(await NamesAsync(kubeconfig, "-n", Namespace, "get", "serviceaccount,deployment,service,role,rolebinding", "-l", "app.kubernetes.io/instance=gitops-operator"));
        Assert.Empty(await NamesAsync(kubeconfig, "get", "clusterrole,clusterrolebinding", "-l", "app.kubernetes.io/instance=gitops-operator"));
        Assert.Empty(await NamesAsync(kubeconfig, "-n", Namespace, "get", "secrets", "-l", "owner=helm"));
        Assert.Equal(Crds, await NamesAsync(kubeconfig, "get", "customresourcedefinitions"));
    }

    [Fact]
    public async Task Notes_warn_when_the_operator_may_apply_everything()
    {
        await using var cluster = await EmulatedCluster.StartAsync();

        var notes = await HelmAsync(
            cluster.KubeconfigPath, "install", "gitops-operator", Helm.ChartPath, "--namespace", Namespace, "--dry-run=client", "--set", "rbac.clusterAdmin=true");

        Assert.Contains("EVERYTHING: rbac.clusterAdmin=true binds it to cluster-admin", notes, StringComparison.Ordinal);
    }

    private static async Task<string> HelmAsync(string kubeconfig, params string[] args)
    {
        var result = await Helm.RunAsync([.. args, "--kubeconfig", kubeconfig]);
        Assert.True(result.ExitCode == 0, $"helm {string.Join(' ', args)} exited {result.ExitCode}: {result.Errors}");
        return result.Output;
    }

    private static async Task<List<string>> NamesAsync(string kubeconfig, params string[] args)
    {
        var output = await Kubectl.SucceedAsync(kubeconfig, null, [.. args, "-o", "name"]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
    }
}
