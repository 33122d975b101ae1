using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class DueHooksTests
{
    private static readonly RenderedObject Main = Object("main", null);

    private static readonly RenderedObject[] Hooks =
    [
        Object("late", "pre-install,pre-upgrade", weight: "5"),
        Object("early", "pre-install", weight: "-5", deletePolicy: "hook-succeeded"),
        Object("beta", "pre-install"),
        Object("alpha", "pre-install"),
        Object("after", "post-install,post-upgrade"),
        Object("upgrade-only", "pre-upgrade"),
    ];

    [Fact]
    public void First_apply_runs_install_hooks_by_weight_then_name()
    {
        var due = DueHooks.For(Hooks, [Main], new GitSyncStatus());

        Assert.Equal(["early", "alpha", "beta", "late"], due.Pre.Select(h => h.Object.Identity.Name));
        Assert.Equal(["after"], due.Post.Select(h => h.Object.Identity.Name));
        Assert.Equal(["hook-succeeded"], due.Pre[0].DeletePolicies);
        Assert.Equal(["before-hook-creation"], due.Pre[1].DeletePolicies);
    }

    [Fact]
    public void A_changed_render_runs_upgrade_hooks_and_the_same_render_runs_none()
    {
        var applied = Applied(Main);
        var changed = Object("main", null, data: "changed");

        var upgrade = DueHooks.For(Hooks, [changed], applied);
        var same = DueHooks.For(Hooks, [Main], applied);
        var added = DueHooks.For(Hooks, [Main, Object("new", null)], applied);

        Assert.Equal(["upgrade-only", "late"], upgrade.Pre.Select(h => h.Object.Identity.Name));
        Assert.Equal(["after"], upgrade.Post.Select(h => h.Object.Identity.Name));
        Assert.Same(DueHooks.None, same);
        Assert.Equal(2, added.Pre.Count);
    }

    private static GitSyncStatus Applied(RenderedObject applied) => new()
    {
        LastAppliedRevision = "main@sha1:1",
        Inventory = InventoryMapping.ToStatus([InventoryRecord.For(applied, "fingerprint")]),
    };

    private static RenderedObject Object(string name, string? phases, string? weight = null, string? deletePolicy = null, string data = "value")
    {
        var annotations = new JsonObject();
        if (phases is not null)
        {
            annotations["helm.sh/hook"] = phases;
        }

        if (weight is not null)
        {
            annotations["helm.sh/hook-weight"] = weight;
        }

        if (deletePolicy is not null)
        {
            annotations["helm.sh/hook-delete-policy"] = deletePolicy;
        }

        var json = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "apps", ["annotations"] = annotations },
            ["data"] = new JsonObject { ["key"] = data },
        };
        return new RenderedObject(json, new GroupVersionKind("", "v1", "ConfigMap"), new ObjectIdentity("", "ConfigMap", "apps", name), ContentHash.Of(json), new SourceLocation("chart/templates/x.yaml"));
    }
}
