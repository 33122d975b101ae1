using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Tests.Crds;

/// <summary>What kubectl get prints for the operator's kinds: the columns of API.md.</summary>
public sealed class PrinterColumnTests(CrdClusterFixture fixture) : IClassFixture<CrdClusterFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private Task PatchStatusAsync(string plural, string name, object status) =>
        fixture.Cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(KubernetesJson.Serialize(new { status }), V1Patch.PatchType.MergePatch),
            GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, plural, name);

    [Fact]
    public async Task Get_gitrepositories_prints_url_revision_ready_status_and_age()
    {
        await Kubectl.SucceedAsync(fixture.Kubeconfig, ApiExamples.GitRepository, "apply", "--server-side", "-f", "-");
        await PatchStatusAsync(GitOpsApi.GitRepositoryPlural, "config", new GitRepositoryStatus
        {
            Artifact = new Artifact { Revision = "main@sha1:4f1c7f0d2b9e8a7c6d5e4f3a2b1c0d9e8f7a6b5c" },
            Conditions = KStatus.Succeeded([], "stored artifact for revision main@sha1:4f1c7f0d", 1, Now),
        });

        var table = KubectlTable.Parse(await Kubectl.SucceedAsync(fixture.Kubeconfig, null, "get", "gitrepositories", "-n", ClusterWithCrds.Namespace));

        Assert.Equal(["NAME", "URL", "REVISION", "READY", "STATUS", "AGE"], table.Columns);
        var row = table.Row("config");
        Assert.Equal("https://git.example.com/org/config.git", row["URL"]);
        Assert.Equal("main@sha1:4f1c7f0d2b9e8a7c6d5e4f3a2b1c0d9e8f7a6b5c", row["REVISION"]);
        Assert.Equal("True", row["READY"]);
        Assert.Equal("stored artifact for revision main@sha1:4f1c7f0d", row["STATUS"]);
        Assert.Matches("^[0-9]+[smhd]", row["AGE"]);
    }

    [Fact]
    public async Task Get_gsync_prints_source_revision_ready_status_and_age()
    {
        await Kubectl.SucceedAsync(fixture.Kubeconfig, ApiExamples.GitSync, "apply", "--server-side", "-f", "-");
        await PatchStatusAsync(GitOpsApi.GitSyncPlural, "podinfo", new GitSyncStatus
        {
            LastAppliedRevision = "main@sha1:4f1c7f0d2b9e8a7c6d5e4f3a2b1c0d9e8f7a6b5c",
            Conditions = KStatus.Failed([], Reasons.DependencyNotReady, "dependency gitops-system/infra is not ready", 1, Now),
        });

        var table = KubectlTable.Parse(await Kubectl.SucceedAsync(fixture.Kubeconfig, null, "get", "gsync", "-n", ClusterWithCrds.Namespace));

        Assert.Equal(["NAME", "SOURCE", "REVISION", "READY", "STATUS", "AGE"], table.Columns);
        var row = table.Row("podinfo");
        Assert.Equal("config", row["SOURCE"]);
        Assert.Equal("main@sha1:4f1c7f0d2b9e8a7c6d5e4f3a2b1c0d9e8f7a6b5c", row["REVISION"]);
        Assert.Equal("False", row["READY"]);
        Assert.Equal("dependency gitops-system/infra is not ready", row["STATUS"]);
    }

    [Fact]
    public async Task Both_kinds_are_listed_under_the_gitops_category()
    {
        await Kubectl.SucceedAsync(fixture.Kubeconfig, ApiExamples.MinimalGitSync, "apply", "--server-side", "-f", "-");
        await Kubectl.SucceedAsync(fixture.Kubeconfig, ApiExamples.MinimalGitRepository, "apply", "--server-side", "-f", "-");

        var output = await Kubectl.SucceedAsync(fixture.Kubeconfig, null, "get", "gitops", "-n", ClusterWithCrds.Namespace, "-o", "name");

        Assert.Contains("gitrepository.gitops.operator.io/minimal", output);
        Assert.Contains("gitsync.gitops.operator.io/minimal", output);
    }
}
