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
    private const int Rounds = 9;
    private const int GetsPerRound = 300;
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

        var (adminList, readerList) = await InterleavedMediansAsync(() => ListAsync(admin), () => ListAsync(reader), Lists);
        Console.WriteLine($"list of {listedObjects} ConfigMaps, median of {Lists}: as admin {adminList:F1} ms, "
            + $"as a ServiceAccount bound by a RoleBinding {readerList:F1} ms");
        var (adminGet, readerGet) = await InterleavedMediansAsync(() => GetsAsync(admin), () => GetsAsync(reader), Rounds);
        Console.WriteLine($"get of one ConfigMap, median of {Rounds} rounds of {GetsPerRound}: as admin {adminGet:F0} µs, as the ServiceAccount {readerGet:F0} µs "
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

        var (_, crowdedGet) = await InterleavedMediansAsync(() => GetsAsync(admin), () => GetsAsync(reader), Rounds);
        Console.WriteLine($"the same get as the ServiceAccount with {UnrelatedBindings} more ClusterRoleBindings: {crowdedGet:F0} µs");
    }

    /// <summary>Runs the two alternately (so load from elsewhere hits both alike) and returns each one's median.</summary>
    private static async Task<(double First, double Second)> InterleavedMediansAsync(Func<Task<double>> first, Func<Task<double>> second, int rounds)
    {
        await first();
        await second();
        var (a, b) = (new List<double>(), new List<double>());
        for (var i = 0; i < rounds; i++)
        {
            a.Add(await first());
            b.Add(await second());
        }

        return (Median(a), Median(b));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>Milliseconds for one list of the namespace.</summary>
    private static async Task<double> ListAsync(IKubernetes client)
    {
        var watch = Stopwatch.StartNew();
        await client.CoreV1.ListNamespacedConfigMapAsync(Namespace);
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Mean microseconds of one get, over a round.</summary>
    private static async Task<double> GetsAsync(IKubernetes client)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < GetsPerRound; i++)
        {
            await client.CoreV1.ReadNamespacedConfigMapAsync("filled-0", Namespace);
        }

        return watch.Elapsed.TotalMicroseconds / GetsPerRound;
    }
}
