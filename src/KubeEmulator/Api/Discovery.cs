using System.Text.Json.Nodes;

namespace KubeEmulator.Api;

/// <summary>The discovery documents kubectl and client-go read: /version, /api, /api/v1, /apis, /apis/{g}/{v}, aggregated v2.</summary>
public static class Discovery
{
    public static JsonObject Version() => throw new NotImplementedException();

    /// <summary>/api (APIVersions).</summary>
    public static JsonObject CoreVersions(string serverAddress) => throw new NotImplementedException();

    /// <summary>/apis (APIGroupList) over every served type.</summary>
    public static JsonObject GroupList(IReadOnlyCollection<ResourceType> types) => throw new NotImplementedException();

    /// <summary>/api/v1 or /apis/{group}/{version} (APIResourceList), null when no type has that group/version.</summary>
    public static JsonObject? ResourceList(string group, string version, IReadOnlyCollection<ResourceType> types) => throw new NotImplementedException();

    /// <summary>Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) for /api (core: true) or /apis (core: false).</summary>
    public static JsonObject Aggregated(bool core, IReadOnlyCollection<ResourceType> types) => throw new NotImplementedException();
}
