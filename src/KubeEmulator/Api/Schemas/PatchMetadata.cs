using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// The strategic-merge and list-type extensions the real spec puts on fields (keyed by the definition's short
/// name and the field): kubectl's client-side apply reads them from the OpenAPI to merge lists by key.
/// </summary>
public static class PatchMetadata
{
    private sealed record Entry(string? Strategy, string? MergeKey, string? ListType = null, string[]? MapKeys = null);

    private static readonly Entry ByName = new("merge", "name", "map", ["name"]);
    private static readonly Entry ConditionsByType = new("merge", "type", "map", ["type"]);

    private static readonly FrozenDictionary<(string Definition, string Field), Entry> Entries = new Dictionary<(string, string), Entry>
    {
        [("ObjectMeta", "finalizers")] = new("merge", null, "set"),
        [("ObjectMeta", "ownerReferences")] = new("merge", "uid", "map", ["uid"]),
        [("PodSpec", "containers")] = ByName,
        [("PodSpec", "initContainers")] = ByName,
        [("PodSpec", "ephemeralContainers")] = ByName,
        [("PodSpec", "volumes")] = new("merge,retainKeys", "name", "map", ["name"]),
        [("PodSpec", "imagePullSecrets")] = ByName,
        [("PodSpec", "hostAliases")] = new("merge", "ip", "map", ["ip"]),
        [("PodSpec", "topologySpreadConstraints")] = new("merge", "topologyKey", "map", ["topologyKey", "whenUnsatisfiable"]),
        [("PodSpec", "resourceClaims")] = new("merge,retainKeys", "name", "map", ["name"]),
        [("PodSpec", "schedulingGates")] = ByName,
        [("Container", "env")] = ByName,
        [("Container", "ports")] = new("merge", "containerPort", "map", ["containerPort", "protocol"]),
        [("Container", "volumeMounts")] = new("merge", "mountPath", "map", ["mountPath"]),
        [("Container", "volumeDevices")] = new("merge", "devicePath", "map", ["devicePath"]),
        [("EphemeralContainer", "env")] = ByName,
        [("EphemeralContainer", "ports")] = new("merge", "containerPort", "map", ["containerPort", "protocol"]),
        [("EphemeralContainer", "volumeMounts")] = new("merge", "mountPath", "map", ["mountPath"]),
        [("EphemeralContainer", "volumeDevices")] = new("merge", "devicePath", "map", ["devicePath"]),
        [("ServiceSpec", "ports")] = new("merge", "port", "map", ["port", "protocol"]),
        [("ServiceAccount", "secrets")] = new("merge", "name", null),
        [("DeploymentSpec", "strategy")] = new("retainKeys", null),
        [("PodStatus", "conditions")] = ConditionsByType,
        [("DeploymentStatus", "conditions")] = ConditionsByType,
        [("ReplicaSetStatus", "conditions")] = ConditionsByType,
        [("StatefulSetStatus", "conditions")] = ConditionsByType,
        [("DaemonSetStatus", "conditions")] = ConditionsByType,
        [("NamespaceStatus", "conditions")] = ConditionsByType,
        [("PersistentVolumeClaimStatus", "conditions")] = ConditionsByType,
        [("ServiceStatus", "conditions")] = new("merge", "type", "map", ["type"]),
        [("JobStatus", "conditions")] = new("merge", "type", "atomic"),
        [("CronJobStatus", "active")] = new(null, null, "atomic"),
        [("HorizontalPodAutoscalerStatus", "conditions")] = ConditionsByType,
        [("PodDisruptionBudgetStatus", "conditions")] = ConditionsByType,
        [("ValidatingWebhookConfiguration", "webhooks")] = new("merge", "name", "map", ["name"]),
        [("MutatingWebhookConfiguration", "webhooks")] = new("merge", "name", "map", ["name"]),
    }.ToFrozenDictionary();

    /// <summary>The extensions for a field, or null when the real spec declares none.</summary>
    public static JsonObject? For(string definitionShortName, string field)
    {
        if (!Entries.TryGetValue((definitionShortName, field), out var entry))
        {
            return null;
        }

        var extensions = new JsonObject();
        if (entry.MapKeys is { } keys)
        {
            extensions["x-kubernetes-list-map-keys"] = new JsonArray([.. keys.Select(k => (JsonNode?)JsonValue.Create(k))]);
        }

        if (entry.ListType is { } listType)
        {
            extensions["x-kubernetes-list-type"] = listType;
        }

        if (entry.MergeKey is { } mergeKey)
        {
            extensions["x-kubernetes-patch-merge-key"] = mergeKey;
        }

        if (entry.Strategy is { } strategy)
        {
            extensions["x-kubernetes-patch-strategy"] = strategy;
        }

        return extensions;
    }
}
