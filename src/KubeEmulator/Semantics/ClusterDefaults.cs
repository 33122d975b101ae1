using System.Text;
using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>Defaults of the smaller kinds: Secret, Namespace, PVC, PV, quotas and limit ranges, Endpoints, NetworkPolicy, RBAC bindings, HPA, PriorityClass, StorageClass, CRD.</summary>
internal static class ClusterDefaults
{
    public static void Secret(JsonObject secret)
    {
        secret.DefaultString("type", "Opaque");
        if (secret["stringData"] is not JsonObject stringData)
        {
            secret.Remove("stringData");
            return;
        }
        var data = secret.Ensure("data");
        foreach (var (key, value) in stringData)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }
        secret.Remove("stringData");
    }

    public static void Namespace(JsonObject ns)
    {
        var metadata = ns.Ensure("metadata");
        if (metadata.Str("name") is { Length: > 0 } name)
        {
            metadata.Ensure("labels")["kubernetes.io/metadata.name"] = name;
        }
        var spec = ns.Ensure("spec");
        if (spec.Arr("finalizers") is not { Count: > 0 })
        {
            spec["finalizers"] = new JsonArray("kubernetes");
        }
        ns.Ensure("status").DefaultString("phase", "Active");
    }

    public static void PersistentVolumeClaim(JsonObject claim)
    {
        var spec = claim.Ensure("spec");
        spec.DefaultString("volumeMode", "Filesystem");
        Quantity.CanonicalizeList(spec.Obj("resources")?.Obj("requests"));
        Quantity.CanonicalizeList(spec.Obj("resources")?.Obj("limits"));
        claim.Ensure("status").DefaultString("phase", "Pending");
    }

    public static void PersistentVolume(JsonObject volume)
    {
        var spec = volume.Ensure("spec");
        spec.DefaultString("persistentVolumeReclaimPolicy", "Retain");
        spec.DefaultString("volumeMode", "Filesystem");
        Quantity.CanonicalizeList(spec.Obj("capacity"));
        volume.Ensure("status").DefaultString("phase", "Pending");
    }

    public static void ResourceQuota(JsonObject quota) => Quantity.CanonicalizeList(quota.Obj("spec")?.Obj("hard"));

    public static void LimitRange(JsonObject limitRange)
    {
        foreach (var item in (limitRange.Obj("spec")?.Arr("limits")).Objects())
        {
            foreach (var key in new[] { "max", "min", "default", "defaultRequest", "maxLimitRequestRatio" })
            {
                Quantity.CanonicalizeList(item.Obj(key));
            }
        }
    }

    public static void Endpoints(JsonObject endpoints)
    {
        foreach (var port in endpoints.Arr("subsets").Objects().SelectMany(s => s.Arr("ports").Objects()))
        {
            port.DefaultString("protocol", "TCP");
        }
    }

    public static void NetworkPolicy(JsonObject policy)
    {
        var spec = policy.Ensure("spec");
        if (spec.Arr("policyTypes") is not { Count: > 0 })
        {
            var types = new JsonArray("Ingress");
            if (spec.Arr("egress") is { Count: > 0 })
            {
                types.Add("Egress");
            }
            spec["policyTypes"] = types;
        }
        foreach (var rule in spec.Arr("ingress").Objects().Concat(spec.Arr("egress").Objects()))
        {
            foreach (var port in rule.Arr("ports").Objects())
            {
                port.DefaultString("protocol", "TCP");
            }
        }
    }

    public static void RoleBinding(JsonObject binding)
    {
        if (binding.Obj("roleRef") is { } roleRef)
        {
            roleRef.DefaultString("apiGroup", "rbac.authorization.k8s.io");
        }
        foreach (var subject in binding.Arr("subjects").Objects())
        {
            if (subject.IsBlank("apiGroup") && subject.Str("kind") is "User" or "Group")
            {
                subject["apiGroup"] = "rbac.authorization.k8s.io";
            }
        }
    }

    public static void HorizontalPodAutoscaler(JsonObject hpa)
    {
        var spec = hpa.Ensure("spec");
        spec.Default("minReplicas", 1);
        if (spec.Arr("metrics") is not { Count: > 0 })
        {
            spec["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject
                {
                    ["name"] = "cpu",
                    ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 },
                },
            });
        }
    }

    public static void PriorityClass(JsonObject priorityClass) =>
        priorityClass.DefaultString("preemptionPolicy", "PreemptLowerPriority");

    public static void StorageClass(JsonObject storageClass)
    {
        storageClass.DefaultString("reclaimPolicy", "Delete");
        storageClass.DefaultString("volumeBindingMode", "Immediate");
    }

    public static void CustomResourceDefinition(JsonObject crd)
    {
        var spec = crd.Ensure("spec");
        spec.Ensure("conversion").DefaultString("strategy", "None");
        if (spec.Obj("conversion")?.Obj("webhook")?.Obj("clientConfig")?.Obj("service") is { } service)
        {
            service.Default("port", 443);
        }
        var names = spec.Ensure("names");
        if (names.Str("kind") is { Length: > 0 } kind)
        {
            names.DefaultString("singular", kind.ToLowerInvariant());
            names.DefaultString("listKind", kind + "List");
        }
    }
}
