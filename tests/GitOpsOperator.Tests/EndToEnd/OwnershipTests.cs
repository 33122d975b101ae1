using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class OwnershipTests
{
    [Fact]
    public async Task A_second_GitSync_declaring_the_same_object_gets_OwnershipConflict_naming_the_first_and_the_object_stays_with_the_first()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync(
            "Two teams declare the same ConfigMap",
            ("apps/team-a/shared.yaml", Shared("a")),
            ("apps/team-b/shared.yaml", Shared("b")));
        await cluster.ApplyGitSyncAsync("team-a", "  path: ./apps/team-a\n  targetNamespace: default\n");
        await cluster.WaitForReadyAsync("team-a", sha);

        await cluster.ApplyGitSyncAsync("team-b", "  path: ./apps/team-b\n  targetNamespace: default\n");
        var conflicted = await cluster.WaitForGitSyncAsync(
            "team-b", s => s.IsFailingAt(Reasons.OwnershipConflict, GitOpsCluster.Revision(sha)), "OwnershipConflict");

        Assert.Contains("team-a", conflicted.Ready()!.Message, StringComparison.Ordinal);
        Assert.Contains("shared", conflicted.Ready()!.Message, StringComparison.Ordinal);
        Assert.Equal(
            "team-a a",
            await cluster.KubectlAsync("get", "configmap", "shared", "-n", "default", "-o", "jsonpath={.metadata.labels.gitops\\.operator\\.io/name} {.data.team}"));
        Assert.True((await cluster.GetGitSyncAsync("team-a")).IsReadyAt(GitOpsCluster.Revision(sha)));
    }

    private static string Shared(string team) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\ndata:\n  team: {team}\n";
}
