using System.Diagnostics;
using k8s;
using k8s.Models;
using KubeEmulator;

namespace KubeEmulator.Bench;

/// <summary>
/// What RBAC costs per request: the same list and get as the admin (system:masters, decided without looking at RBAC)
/// and as a ServiceAccount bound by a RoleBinding (chosen with impersonation headers, which are authorized too).
/// </summary>
internal static class AuthorizationCost
{
    private const string Namespace = "default";
    private const string ServiceAccount = "bench-reader";
    private const int Lists = 10;
    private const int Gets = 2_000;
    private const int UnrelatedBindings = 500;

    public static async Task RunAsync(EmulatedCluster cluster, int listedObjects)
    {
        var admin = cluster.Client;
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = ServiceAccount } }, Namespace);
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = ServiceAccount },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "view" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = ServiceAccount, NamespaceProperty = Namespace }],
        }, Namespace);
        var reader = (Kubernetes)cluster.CreateClient();
        reader.HttpClient.DefaultRequestHeaders.Add("Impersonate-User", $"system:serviceaccount:{Namespace}:{ServiceAccount}");

        Console.WriteLine($"list of {listedObjects} ConfigMaps, median of {Lists}: as admin {await MedianListAsync(admin):F1} ms, "
            + $"as a ServiceAccount bound by a RoleBinding {await MedianListAsync(reader):F1} ms");
        var adminGet = await PerGetAsync(admin);
        var readerGet = await PerGetAsync(reader);
        Console.WriteLine($"get of one ConfigMap, mean of {Gets}: as admin {adminGet:F0} µs, as the ServiceAccount {readerGet:F0} µs "
            + $"(authorization and impersonation: {readerGet - adminGet:F0} µs a request)");

        for (var i = 0; i < UnrelatedBindings; i++)
        {
            await admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
            {
                Metadata = new V1ObjectMeta { Name = $"bench-unrelated-{i}" },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "view" },
                Subjects = [new Rbacv1Subject { Kind = "User", Name = $"someone-{i}" }],
            });
        }

        var crowdedGet = await PerGetAsync(reader);
        Console.WriteLine($"the same get as the ServiceAccount with {UnrelatedBindings} more ClusterRoleBindings: {crowdedGet:F0} µs");
    }

    private static async Task<double> MedianListAsync(IKubernetes client)
    {
        await client.CoreV1.ListNamespacedConfigMapAsync(Namespace);
        var times = new List<double>();
        for (var i = 0; i < Lists; i++)
        {
            var watch = Stopwatch.StartNew();
            await client.CoreV1.ListNamespacedConfigMapAsync(Namespace);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<double> PerGetAsync(IKubernetes client)
    {
        await client.CoreV1.ReadNamespacedConfigMapAsync("applied-0", Namespace);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Gets; i++)
        {
            await client.CoreV1.ReadNamespacedConfigMapAsync("applied-0", Namespace);
        }

        return watch.Elapsed.TotalMicroseconds / Gets;
    }
}
