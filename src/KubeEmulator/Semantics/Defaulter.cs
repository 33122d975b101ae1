using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>The defaults the real API server sets on create/update for built-in kinds (Service, workloads, PodSpec, Secret stringData…).</summary>
public static class Defaulter
{
    /// <summary>Sets defaults in place. allocateClusterIp hands out a fresh Service IP when one is needed.</summary>
    public static void Apply(ResourceType type, JsonObject obj, Func<string> allocateClusterIp) => throw new NotImplementedException();
}
