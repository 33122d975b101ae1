using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Tests.Crds;

/// <summary>The C# types against the API server through KubernetesClient's CustomObjects.</summary>
public sealed class TypedClientTests(CrdClusterFixture fixture) : IClassFixture<CrdClusterFixture>
{
    private ICustomObjectsOperations CustomObjects => fixture.Cluster.Client.CustomObjects;

    [Fact]
    public async Task A_GitSync_created_from_the_type_reads_back_with_the_CRD_defaults()
    {
        var sync = new GitSync
        {
            Metadata = new V1ObjectMeta { Name = "typed", NamespaceProperty = ClusterWithCrds.Namespace },
            Spec = new GitSyncSpec { SourceRef = new SourceReference { Name = "config" }, Prune = true },
        };

        await CustomObjects.CreateNamespacedCustomObjectAsync(sync, GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitSyncPlural);
        var read = await CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitSyncPlural, "typed");
        var list = await CustomObjects.ListNamespacedCustomObjectAsync<GitSyncList>(GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitSyncPlural);

        Assert.Equal(("config", "./", "10m", true), (read.Spec.SourceRef.Name, read.Spec.Path, read.Spec.Interval, read.Spec.Prune));
        Assert.Equal(1, read.Metadata.Generation);
        Assert.Contains(list.Items, item => item.Metadata.Name == "typed");
    }

    [Fact]
    public async Task Status_written_through_the_status_subresource_reads_back_typed_and_leaves_the_spec()
    {
        var repository = new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = "status", NamespaceProperty = ClusterWithCrds.Namespace },
            Spec = new GitRepositorySpec { Url = "https://git.example.com/org/config.git", Ref = new GitReference { Tag = "v1.4.2" } },
        };
        await CustomObjects.CreateNamespacedCustomObjectAsync(repository, GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural);
        var fetchedAt = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
        var status = new GitRepositoryStatus
        {
            ObservedGeneration = 1,
            Artifact = new Artifact
            {
                Revision = "v1.4.2@sha1:4f1c7f0d2b9e8a7c6d5e4f3a2b1c0d9e8f7a6b5c",
                Commit = new CommitInfo { Message = "first line", Author = "Ada <ada@example.com>", Time = fetchedAt },
                FetchedAt = fetchedAt,
            },
            Conditions = KStatus.Succeeded([], "stored artifact", 1, fetchedAt),
        };

        await CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(KubernetesJson.Serialize(new { status }), V1Patch.PatchType.MergePatch),
            GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural, "status");
        var read = await CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(GitOpsApi.Group, GitOpsApi.Version, ClusterWithCrds.Namespace, GitOpsApi.GitRepositoryPlural, "status");

        Assert.Equal(status.Artifact, read.Status!.Artifact);
        Assert.True(status.Conditions.SameAs(read.Status.Conditions));
        Assert.Equal("v1.4.2", read.Spec.Ref!.Tag);
    }
}
