using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>core/v1 SetDefaults_Service plus what the Service REST storage allocates (clusterIP, clusterIPs, IP families).</summary>
internal static class ServiceDefaults
{
    private const int DefaultClientIpTimeoutSeconds = 10800;
    private const long NodePortMin = 30000;
    private const long NodePortMax = 32767;

    public static void Apply(JsonObject service, Func<string> allocateClusterIp)
    {
        var spec = service.Ensure("spec");
        spec.DefaultString("sessionAffinity", "None");
        if (spec.Str("sessionAffinity") == "None")
        {
            spec.Remove("sessionAffinityConfig");
        }
        else if (spec.Str("sessionAffinity") == "ClientIP")
        {
            spec.Ensure("sessionAffinityConfig").Ensure("clientIP").Default("timeoutSeconds", DefaultClientIpTimeoutSeconds);
        }
        spec.DefaultString("type", "ClusterIP");
        var type = spec.Str("type");
        foreach (var port in spec.Arr("ports").Objects())
        {
            port.DefaultString("protocol", "TCP");
            if (port.IsUnset("targetPort") || port["targetPort"]!.ToJsonString() is "0" or "\"\"")
            {
                port["targetPort"] = port["port"]?.DeepClone();
            }
        }
        var externallyAccessible = type is "NodePort" or "LoadBalancer" || (type == "ClusterIP" && spec.Arr("externalIPs") is { Count: > 0 });
        if (externallyAccessible)
        {
            spec.DefaultString("externalTrafficPolicy", "Cluster");
        }
        if (type is "ClusterIP" or "NodePort" or "LoadBalancer")
        {
            spec.DefaultString("internalTrafficPolicy", "Cluster");
            AllocateClusterIp(spec, allocateClusterIp);
        }
        if (type == "LoadBalancer")
        {
            spec.Default("allocateLoadBalancerNodePorts", true);
        }
        if (type == "NodePort" || (type == "LoadBalancer" && spec.Bool("allocateLoadBalancerNodePorts") != false))
        {
            AllocateNodePorts(spec);
        }
    }

    /// <summary>
    /// On update the server keeps what it allocated when the new object leaves it out (patchAllocatedValues), and a
    /// changed clusterIP moves into clusterIPs so that validation sees the change (normalizeClusterIPs).
    /// </summary>
    public static void CarryOverAllocated(JsonObject oldService, JsonObject newService)
    {
        if (oldService.Obj("spec") is not { } oldSpec || newService.Obj("spec") is not { } newSpec)
        {
            return;
        }
        if (newSpec.IsBlank("clusterIP") && !oldSpec.IsBlank("clusterIP"))
        {
            newSpec["clusterIP"] = oldSpec["clusterIP"]!.DeepClone();
        }
        if (newSpec.Arr("clusterIPs") is not { Count: > 0 } && oldSpec.Arr("clusterIPs") is { Count: > 0 } oldIps)
        {
            newSpec["clusterIPs"] = oldIps.DeepClone();
        }
        var newIp = newSpec.Str("clusterIP");
        if (newIp != oldSpec.Str("clusterIP") && newSpec.Arr("clusterIPs") is { Count: > 0 } newIps
            && oldSpec.Arr("clusterIPs") is { Count: > 0 } previous && JsonNode.DeepEquals(newIps[0], previous[0]))
        {
            newIps[0] = newIp;
        }
        foreach (var key in new[] { "ipFamilies", "ipFamilyPolicy", "healthCheckNodePort" })
        {
            if (newSpec.IsUnset(key) && oldSpec[key] is { } value)
            {
                newSpec[key] = value.DeepClone();
            }
        }
        var oldPorts = oldSpec.Arr("ports").Objects().ToList();
        foreach (var port in newSpec.Arr("ports").Objects().Where(p => p.IsUnset("nodePort")))
        {
            var match = oldPorts.FirstOrDefault(o => o["port"]?.ToJsonString() == port["port"]?.ToJsonString()
                && (o.Str("protocol") ?? "TCP") == (port.Str("protocol") ?? "TCP"));
            if (match?["nodePort"] is { } nodePort)
            {
                port["nodePort"] = nodePort.DeepClone();
            }
        }
    }

    /// <summary>
    /// Gives every port without one a node port from 30000–32767 (and a health-check port for a LoadBalancer with
    /// externalTrafficPolicy Local). Ports are picked at random as the real allocator does; uniqueness is kept within
    /// the Service only, the emulator does not track node ports across the cluster.
    /// </summary>
    private static void AllocateNodePorts(JsonObject spec)
    {
        var ports = spec.Arr("ports").Objects().ToList();
        var used = ports.Select(p => p.Long("nodePort")).OfType<long>().ToHashSet();
        foreach (var port in ports.Where(p => p.IsUnset("nodePort")))
        {
            port["nodePort"] = FreeNodePort(used);
        }
        if (spec.Str("type") == "LoadBalancer" && spec.Str("externalTrafficPolicy") == "Local" && spec.IsUnset("healthCheckNodePort"))
        {
            spec["healthCheckNodePort"] = FreeNodePort(used);
        }
    }

    private static long FreeNodePort(HashSet<long> used)
    {
        long candidate;
        do
        {
            candidate = Random.Shared.NextInt64(NodePortMin, NodePortMax + 1);
        }
        while (!used.Add(candidate));
        return candidate;
    }

    private static void AllocateClusterIp(JsonObject spec, Func<string> allocateClusterIp)
    {
        var headless = spec.Str("clusterIP") == "None";
        if (spec.IsBlank("clusterIP"))
        {
            var fromList = spec.Arr("clusterIPs") is { Count: > 0 } ips ? ips[0].AsString() : null;
            spec["clusterIP"] = fromList is { Length: > 0 } ? fromList : allocateClusterIp();
        }
        if (spec.Arr("clusterIPs") is not { Count: > 0 })
        {
            spec["clusterIPs"] = new JsonArray(spec["clusterIP"]!.DeepClone());
        }
        var selectorless = spec.Obj("selector") is not { Count: > 0 };
        spec.DefaultString("ipFamilyPolicy", headless && selectorless ? "RequireDualStack" : "SingleStack");
        if (spec.Arr("ipFamilies") is not { Count: > 0 })
        {
            spec["ipFamilies"] = new JsonArray("IPv4");
        }
    }
}
