using k8s;
using k8s.Models;

namespace GitOpsOperator.Bench;

/// <summary>
/// Objects the operator does not manage, spread over the namespaces its GitSyncs sync into: half ConfigMaps, half
/// Secrets, each holding 4 KiB. An operator that caches only what it manages must not grow with them.
/// </summary>
internal static class UnmanagedObjects
{
    private const int PayloadBytes = 4096;
    private const int Parallelism = 16;

    public static async Task CreateAsync(IKubernetes client, IReadOnlyList<string> namespaces, int count)
    {
        var payload = new string('x', PayloadBytes);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, token) =>
        {
            var metadata = new V1ObjectMeta { Name = $"unmanaged-{i}", NamespaceProperty = namespaces[i % namespaces.Count] };
            if (i % 2 == 0)
            {
                await client.CoreV1.CreateNamespacedConfigMapAsync(
                    new V1ConfigMap { Metadata = metadata, Data = new Dictionary<string, string> { ["payload"] = payload } },
                    metadata.NamespaceProperty, cancellationToken: token);
            }
            else
            {
                await client.CoreV1.CreateNamespacedSecretAsync(
                    new V1Secret { Metadata = metadata, StringData = new Dictionary<string, string> { ["payload"] = payload } },
                    metadata.NamespaceProperty, cancellationToken: token);
            }
        });
    }
}
