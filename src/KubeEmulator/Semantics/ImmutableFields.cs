using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>The update rules: fields that may not change once the object exists, with the real server's causes.</summary>
internal static class ImmutableFields
{
    private const string Immutable = "field is immutable";
    private const string ImmutableWhenSet = "field is immutable when `immutable` is set";

    private static readonly string[] StatefulSetMutableSpec =
        ["replicas", "template", "updateStrategy", "minReadySeconds", "ordinals", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy"];

    public static IEnumerable<StatusCause> Check(ResourceType type, JsonObject oldObj, JsonObject newObj)
    {
        var causes = new List<StatusCause>();
        Same(oldObj.Obj("metadata"), newObj.Obj("metadata"), "name", "metadata", causes);
        if (type.Namespaced)
        {
            Same(oldObj.Obj("metadata"), newObj.Obj("metadata"), "namespace", "metadata", causes);
        }
        var oldSpec = oldObj.Obj("spec") ?? [];
        var newSpec = newObj.Obj("spec") ?? [];
        switch ((type.Group, type.Kind))
        {
            case ("apps", "Deployment" or "ReplicaSet" or "DaemonSet"):
                Same(oldSpec, newSpec, "selector", "spec", causes);
                break;
            case ("apps", "StatefulSet"):
                StatefulSetSpec(oldSpec, newSpec, causes);
                break;
            case ("batch", "Job"):
                Same(oldSpec, newSpec, "selector", "spec", causes);
                Same(oldSpec, newSpec, "template", "spec", causes);
                Same(oldSpec, newSpec, "completionMode", "spec", causes);
                if (newSpec.Str("completionMode") != "Indexed")
                {
                    Same(oldSpec, newSpec, "completions", "spec", causes);
                }
                break;
            case ("rbac.authorization.k8s.io", "RoleBinding" or "ClusterRoleBinding"):
                causes.AddRange(RbacValidation.RoleRefUnchanged(oldObj, newObj));
                break;
            case ("storage.k8s.io", "StorageClass"):
                StorageClass(oldObj, newObj, causes);
                break;
            case ("scheduling.k8s.io", "PriorityClass"):
                PriorityClass(oldObj, newObj, causes);
                break;
            case ("", "Service"):
                ClusterIps(oldSpec, newSpec, causes);
                break;
            case ("", "Secret"):
                Same(oldObj, newObj, "type", "", causes);
                WhenImmutable(oldObj, newObj, ["data"], causes);
                break;
            case ("", "ConfigMap"):
                WhenImmutable(oldObj, newObj, ["data", "binaryData"], causes);
                break;
            case ("", "PersistentVolumeClaim"):
                ClaimSpec(oldSpec, newSpec, causes);
                break;
            case ("apiextensions.k8s.io", "CustomResourceDefinition"):
                Same(oldSpec, newSpec, "scope", "spec", causes);
                break;
        }
        return causes;
    }

    private static void Same(JsonObject? oldParent, JsonObject? newParent, string key, string path, List<StatusCause> causes)
    {
        var oldValue = oldParent?[key];
        var newValue = newParent?[key];
        if (!JsonNode.DeepEquals(oldValue, newValue))
        {
            causes.Add(FieldErrors.Invalid(FieldPath.Child(path, key), newValue?.DeepClone(), Immutable));
        }
    }

    private static void StorageClass(JsonObject oldObj, JsonObject newObj, List<StatusCause> causes)
    {
        foreach (var key in new[] { "parameters", "provisioner", "reclaimPolicy" })
        {
            if (!JsonNode.DeepEquals(Normalized(oldObj[key]), Normalized(newObj[key])))
            {
                causes.Add(FieldErrors.Forbidden(key, $"updates to {key} are forbidden."));
            }
        }
        Same(oldObj, newObj, "volumeBindingMode", "", causes);
    }

    private static void PriorityClass(JsonObject oldObj, JsonObject newObj, List<StatusCause> causes)
    {
        if (!JsonNode.DeepEquals(oldObj["value"], newObj["value"]))
        {
            causes.Add(FieldErrors.Forbidden("value", "may not be changed in an update."));
        }
        Same(oldObj, newObj, "preemptionPolicy", "", causes);
    }

    private static void StatefulSetSpec(JsonObject oldSpec, JsonObject newSpec, List<StatusCause> causes)
    {
        if (!JsonNode.DeepEquals(Without(oldSpec, StatefulSetMutableSpec), Without(newSpec, StatefulSetMutableSpec)))
        {
            causes.Add(FieldErrors.Forbidden("spec",
                "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
                "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
        }
    }

    private static void ClaimSpec(JsonObject oldSpec, JsonObject newSpec, List<StatusCause> causes)
    {
        List<string> mutable = ["volumeAttributesClassName"];
        if (oldSpec.IsBlank("volumeName"))
        {
            mutable.Add("volumeName");
        }
        var oldRest = Without(oldSpec, mutable);
        var newRest = Without(newSpec, mutable);
        oldRest.Obj("resources")?.Remove("requests");
        newRest.Obj("resources")?.Remove("requests");
        if (!JsonNode.DeepEquals(oldRest, newRest))
        {
            causes.Add(FieldErrors.Forbidden("spec", "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
        }
    }

    private static void ClusterIps(JsonObject oldSpec, JsonObject newSpec, List<StatusCause> causes)
    {
        var oldType = oldSpec.Str("type");
        var newType = newSpec.Str("type");
        if (oldType == "ExternalName" || newType == "ExternalName")
        {
            return;
        }
        var oldIps = IpsOf(oldSpec);
        var newIps = IpsOf(newSpec);
        if (newIps.Count > 0 && newSpec.Str("clusterIP") is { Length: > 0 } primary && oldSpec.Str("clusterIP") != primary)
        {
            newIps[0] = primary;
        }
        if (oldIps.FirstOrDefault() == "None" && newIps.FirstOrDefault() == "None")
        {
            return;
        }
        var value = new JsonArray(newIps.Select(ip => (JsonNode?)JsonValue.Create(ip)).ToArray());
        if (oldIps.Count > 0 && newIps.Count == 0)
        {
            causes.Add(FieldErrors.Invalid("spec.clusterIPs[0]", value, "primary clusterIP can not be unset"));
            return;
        }
        for (var i = 0; i < Math.Min(oldIps.Count, newIps.Count); i++)
        {
            if (oldIps[i] != newIps[i])
            {
                causes.Add(FieldErrors.Invalid(FieldPath.Index("spec.clusterIPs", i), value, "may not change once set"));
            }
        }
    }

    private static List<string> IpsOf(JsonObject spec)
    {
        var ips = spec.Arr("clusterIPs")?.Select(n => n.AsString() ?? "").Where(ip => ip.Length > 0).ToList() ?? [];
        if (ips.Count == 0 && spec.Str("clusterIP") is { Length: > 0 } single)
        {
            ips.Add(single);
        }
        return ips;
    }

    private static void WhenImmutable(JsonObject oldObj, JsonObject newObj, string[] dataKeys, List<StatusCause> causes)
    {
        if (oldObj.Bool("immutable") != true)
        {
            return;
        }
        if (newObj.Bool("immutable") != true)
        {
            causes.Add(FieldErrors.Forbidden("immutable", ImmutableWhenSet));
        }
        foreach (var key in dataKeys)
        {
            if (!JsonNode.DeepEquals(Normalized(oldObj[key]), Normalized(newObj[key])))
            {
                causes.Add(FieldErrors.Forbidden(key, ImmutableWhenSet));
            }
        }
    }

    /// <summary>An empty map and an absent one are the same Go value (nil vs empty compare equal after decoding).</summary>
    private static JsonNode? Normalized(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;

    private static JsonObject Without(JsonObject spec, IEnumerable<string> keys)
    {
        var copy = (JsonObject)spec.DeepClone();
        foreach (var key in keys)
        {
            copy.Remove(key);
        }
        return copy;
    }
}
