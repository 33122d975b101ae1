using GitOpsOperator.Machinery.Informers;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>The requests a controller makes for one kind: list and watch across namespaces, get, and replace status.</summary>
internal sealed record KindApi<T>(
    Func<CancellationToken, Task<ListedObjects<T>>> List,
    Func<string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType Type, T Object)>> Watch,
    Func<string, string, CancellationToken, Task<T>> Get,
    Func<T, CancellationToken, Task<T>> ReplaceStatus)
    where T : class, IKubernetesObject<V1ObjectMeta>;
