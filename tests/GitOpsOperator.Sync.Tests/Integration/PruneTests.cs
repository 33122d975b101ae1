using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Sync.Tests.Integration;

public sealed class PruneTests
{
    private static readonly SyncOptions Prune = SyncOptions.Default with { Prune = true };

    [Fact]
    public async Task Objects_that_left_git_are_pruned_unless_annotated_or_not_labelled_as_ours()
    {
        await using var harness = await SyncHarness.StartAsync();
        var keep = Rendered.ConfigMap("default", "keep", "k");
        var gone = Rendered.ConfigMap("default", "gone", "g");
        var protectedMap = Rendered.ConfigMap("default", "protected", "p", new JsonObject { [SyncAnnotations.Prune] = SyncAnnotations.Disabled });
        var relabelled = Rendered.ConfigMap("default", "relabelled", "r");
        var first = await harness.SyncAsync([keep, gone, protectedMap, relabelled], options: Prune);
        Assert.True(first.Succeeded, first.Message);
        await harness.Cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata":{"labels":{"gitops.operator.io/name":null,"gitops.operator.io/namespace":null}}}""", V1Patch.PatchType.MergePatch),
            "relabelled", "default", cancellationToken: harness.Token);
        await harness.WaitForLiveAsync(relabelled.Identity, o => o is null);

        var second = await harness.SyncAsync([keep], first.Inventory, Prune);

        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(["gone"], second.Changes.Objects(ChangeAction.Pruned).Select(id => id.Name));
        Assert.Equal(["protected", "relabelled"], second.Changes.Objects(ChangeAction.Skipped).Select(id => id.Name).Order());
        Assert.Equal(["keep"], second.Inventory.Select(r => r.Entry.Name));
        var names = (await harness.Cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: harness.Token)).Items.Select(c => c.Metadata.Name).ToHashSet();
        Assert.Contains("keep", names);
        Assert.Contains("protected", names);
        Assert.Contains("relabelled", names);
        Assert.DoesNotContain("gone", names);
    }

    [Fact]
    public async Task Object_with_copied_owner_labels_but_not_in_the_inventory_is_never_pruned()
    {
        await using var harness = await SyncHarness.StartAsync();
        var first = await harness.SyncAsync([Rendered.ConfigMap("default", "ours", "o")], options: Prune);
        Assert.True(first.Succeeded, first.Message);
        await harness.Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "copied",
                    NamespaceProperty = "default",
                    Labels = new Dictionary<string, string> { [GitSyncOwner.NameLabel] = "shop", [GitSyncOwner.NamespaceLabel] = "gitops-system" },
                },
            },
            "default", cancellationToken: harness.Token);

        var second = await harness.SyncAsync([Rendered.ConfigMap("default", "other", "x")], first.Inventory, Prune);

        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(["ours"], second.Changes.Objects(ChangeAction.Pruned).Select(id => id.Name));
        var copied = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("copied", "default", cancellationToken: harness.Token);
        Assert.Equal("copied", copied.Metadata.Name);
    }

    [Fact]
    public async Task Empty_desired_set_with_an_inventory_is_refused_unless_allow_empty()
    {
        await using var harness = await SyncHarness.StartAsync();
        var first = await harness.SyncAsync([Rendered.ConfigMap("default", "only", "o")], options: Prune);
        Assert.True(first.Succeeded, first.Message);

        var refused = await harness.SyncAsync([], first.Inventory, Prune);
        var stillThere = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("only", "default", cancellationToken: harness.Token);
        var allowed = await harness.SyncAsync([], first.Inventory, Prune with { AllowEmpty = true });

        Assert.Equal(SyncOutcome.PruneRefused, refused.Outcome);
        Assert.Contains("renders no object", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.Inventory, refused.Inventory);
        Assert.Equal("only", stillThere.Metadata.Name);
        Assert.True(allowed.Succeeded, allowed.Message);
        Assert.Equal(["only"], allowed.Changes.Objects(ChangeAction.Pruned).Select(id => id.Name));
        Assert.Empty(allowed.Inventory);
    }

    [Fact]
    public async Task Without_prune_objects_that_left_git_stay()
    {
        await using var harness = await SyncHarness.StartAsync();
        var first = await harness.SyncAsync([Rendered.ConfigMap("default", "a", "1"), Rendered.ConfigMap("default", "b", "2")]);

        var second = await harness.SyncAsync([Rendered.ConfigMap("default", "a", "1")], first.Inventory);

        Assert.True(second.Succeeded, second.Message);
        Assert.Empty(second.Changes.Objects(ChangeAction.Pruned));
        var b = await harness.Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("b", "default", cancellationToken: harness.Token);
        Assert.Equal("2", b.Data["value"]);
    }
}
