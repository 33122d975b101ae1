using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Api;

/// <summary>
/// Maps a kind to the resource that serves it from the API server's discovery documents, one request per
/// group/version, cached. A group/version the server does not serve (yet) is asked again next time.
/// </summary>
public sealed class ResourceDiscovery(KubeApi api)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ResourceType>> byGroupVersion = new();

    /// <summary>The resource serving the kind; null when the server does not serve it; an error result when discovery failed.</summary>
    public async Task<(ResourceType? Resource, ApiResult? Failure)> ResolveAsync(GroupVersionKind type, CancellationToken cancellationToken)
    {
        if (byGroupVersion.TryGetValue(type.ApiVersion, out var known))
        {
            return (known.GetValueOrDefault(type.Kind), null);
        }

        var path = type.Group.Length == 0 ? $"api/{type.Version}" : $"apis/{type.Group}/{type.Version}";
        var result = await api.SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        if (result.IsNotFound)
        {
            return (null, null);
        }

        if (!result.IsSuccess || result.Body is null)
        {
            return (null, result);
        }

        var kinds = Read(type, result.Body);
        byGroupVersion[type.ApiVersion] = kinds;
        return (kinds.GetValueOrDefault(type.Kind), null);
    }

    /// <summary>The kinds a group/version serves, from the same cache; empty when it is not served, null when discovery failed.</summary>
    public async Task<IReadOnlyCollection<string>?> KindsAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var (_, failure) = await ResolveAsync(GroupVersionKind.FromApiVersion(apiVersion, ""), cancellationToken);
        return failure is not null ? null : byGroupVersion.TryGetValue(apiVersion, out var kinds) ? [.. kinds.Keys] : [];
    }

    /// <summary>Forgets what a group/version serves (after CRDs for it were applied).</summary>
    public void Forget(string apiVersion) => byGroupVersion.TryRemove(apiVersion, out _);

    private static Dictionary<string, ResourceType> Read(GroupVersionKind type, JsonObject list)
    {
        var kinds = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        foreach (var resource in (list["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = resource["name"]?.GetValue<string>() ?? "";
            var kind = resource["kind"]?.GetValue<string>() ?? "";
            if (name.Length > 0 && !name.Contains('/', StringComparison.Ordinal) && kind.Length > 0)
            {
                kinds[kind] = new ResourceType(type with { Kind = kind }, name, resource["namespaced"]?.GetValue<bool>() ?? false);
            }
        }

        return kinds;
    }
}
