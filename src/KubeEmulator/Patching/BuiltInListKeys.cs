using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// The list keys of the built-in kinds (their OpenAPI x-kubernetes-list-map-keys), matched by the end of the
/// field path; every list not named here is atomic.
/// </summary>
public sealed class BuiltInListKeys : IListKeyResolver
{
    public static BuiltInListKeys Instance { get; } = new();

    private static readonly string[] Name = ["name"];
    private static readonly string[] ContainerPort = ["containerPort", "protocol"];
    private static readonly string[] ServicePort = ["port", "protocol"];
    private static readonly string[] MountPath = ["mountPath"];
    private static readonly string[] DevicePath = ["devicePath"];
    private static readonly string[] Uid = ["uid"];
    private static readonly string[] Type = ["type"];
    private static readonly string[] Ip = ["ip"];
    private static readonly string[] TopologySpread = ["topologyKey", "whenUnsatisfiable"];

    private static readonly HashSet<string> ContainerLists = new(StringComparer.Ordinal) { "containers", "initContainers", "ephemeralContainers" };

    private BuiltInListKeys()
    {
    }

    public IReadOnlyList<string>? KeysFor(IReadOnlyList<string> fieldPath)
    {
        if (fieldPath.Count == 0)
        {
            return null;
        }

        var parent = fieldPath.Count > 1 ? fieldPath[^2] : null;
        var inContainer = parent is not null && ContainerLists.Contains(parent);
        return fieldPath[^1] switch
        {
            "containers" or "initContainers" or "ephemeralContainers" => Name,
            "env" when inContainer => Name,
            "ports" when inContainer => ContainerPort,
            "ports" when IsServicePorts(fieldPath) => ServicePort,
            "volumeMounts" when inContainer => MountPath,
            "volumeDevices" when inContainer => DevicePath,
            "volumes" or "imagePullSecrets" => Name,
            "ownerReferences" when parent == "metadata" => Uid,
            "conditions" => Type,
            "hostAliases" => Ip,
            "topologySpreadConstraints" => TopologySpread,
            _ => null,
        };
    }

    /// <summary>
    /// metav1.LabelSelector wherever it appears, the selector maps of Service and ReplicationController, a pod's
    /// nodeSelector and the env value references: the types the real spec marks atomic.
    /// </summary>
    public bool IsAtomicMap(IReadOnlyList<string> fieldPath) => fieldPath switch
    {
        [.., "spec", "selector"] => true,
        [.., "nodeSelector" or "labelSelector" or "namespaceSelector" or "podSelector"] => true,
        [.., "valueFrom", "configMapKeyRef" or "secretKeyRef" or "fieldRef" or "resourceFieldRef"] => true,
        _ => false,
    };

    public bool IsSet(IReadOnlyList<string> fieldPath) =>
        fieldPath is ["metadata", "finalizers"];

    public JsonNode? KeyDefault(IReadOnlyList<string> fieldPath, string key) =>
        key == "protocol" && fieldPath.Count > 0 && fieldPath[^1] == "ports" ? JsonValue.Create("TCP") : null;

    private static bool IsServicePorts(IReadOnlyList<string> fieldPath) => fieldPath is ["spec", "ports"];
}
