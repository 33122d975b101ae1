namespace GitOpsOperator.Sync.Tests;

public sealed class InventoryEntryTests
{
    [Theory]
    [InlineData("podinfo", "web", "apps", "Deployment", "podinfo_web_apps_Deployment")]
    [InlineData("", "podinfo", "", "Namespace", "_podinfo__Namespace")]
    [InlineData("", "admin", "rbac.authorization.k8s.io", "ClusterRole", "_admin_rbac.authorization.k8s.io_ClusterRole")]
    public void Id_follows_the_api_format_and_reads_back(string ns, string name, string group, string kind, string id)
    {
        var entry = new InventoryEntry(ns, name, group, kind, "v1");

        Assert.Equal(id, entry.Id);
        Assert.Equal(entry, InventoryEntry.Parse(id, "v1"));
    }

    [Theory]
    [InlineData("podinfo_web_apps")]
    [InlineData("a_b_c_d_e")]
    [InlineData("ns__apps_Deployment")]
    public void Malformed_ids_are_not_read(string id) => Assert.Null(InventoryEntry.Parse(id, "v1"));
}
