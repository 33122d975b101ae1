namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>The objects kubectl finds, each as "Kind/name" with its resourceVersion (what changes on every write).</summary>
internal static class LiveObjects
{
    /// <summary>Gets the objects ("kind/name", namespaced ones in <paramref name="ns"/>); missing ones are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> VersionsAsync(GitOpsCluster cluster, string ns, IEnumerable<string> objects)
    {
        var output = await cluster.KubectlAsync(
            ["get", "-n", ns, .. objects, "--ignore-not-found", "--no-headers", "-o", "custom-columns=KIND:.kind,NAME:.metadata.name,RV:.metadata.resourceVersion"]);
        return output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => $"{cells[0]}/{cells[1]}", cells => cells[2]);
    }

    /// <summary>
    /// The shop's objects once its Deployments have rolled out: until then the cluster's controllers still write their
    /// status, which moves resourceVersions that no sync touched.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettledShopAsync(GitOpsCluster cluster)
    {
        foreach (var deployment in ShopApp.Objects.Where(o => o.StartsWith("deployment/", StringComparison.Ordinal)))
        {
            await cluster.KubectlAsync("rollout", "status", deployment, "-n", ShopApp.Namespace, "--timeout=60s");
        }

        return await ShopAsync(cluster);
    }

    /// <summary>The shop's objects that exist, by "Kind/name".</summary>
    public static Task<IReadOnlyDictionary<string, string>> ShopAsync(GitOpsCluster cluster, params string[] extra) =>
        VersionsAsync(cluster, ShopApp.Namespace, [.. ShopApp.Objects, .. extra]);
}
