using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>ValidatePodSpec, the common part: containers, volumes and their mounts, policies.</summary>
internal static class PodSpecValidation
{
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <summary>Validates a pod template: its labels and its spec.</summary>
    public static IEnumerable<StatusCause> Template(JsonObject? template, string path)
    {
        if (template is null)
        {
            return [FieldErrors.Required(path)];
        }
        var labels = ObjectMetaValidation.Labels(template.Obj("metadata")?.Obj("labels"), FieldPath.Child(path, "metadata.labels"));
        return labels.Concat(Spec(template.Obj("spec"), FieldPath.Child(path, "spec")));
    }

    public static IEnumerable<StatusCause> Spec(JsonObject? spec, string path)
    {
        spec ??= [];
        var causes = new List<StatusCause>();
        var volumeNames = Volumes(spec.Arr("volumes"), FieldPath.Child(path, "volumes"), causes);
        var containerNames = new HashSet<string>(StringComparer.Ordinal);
        var containers = spec.Arr("containers");
        if (containers is not { Count: > 0 })
        {
            causes.Add(FieldErrors.Required(FieldPath.Child(path, "containers")));
        }
        foreach (var (list, name) in new[] { (containers, "containers"), (spec.Arr("initContainers"), "initContainers") })
        {
            foreach (var (i, container) in list.IndexedObjects())
            {
                Container(container, FieldPath.Index(FieldPath.Child(path, name), i), containerNames, volumeNames, causes);
            }
        }
        Supported(spec, "restartPolicy", RestartPolicies, path, causes);
        Supported(spec, "dnsPolicy", DnsPolicies, path, causes);
        return causes;
    }

    /// <summary>A workload's template may only use the restart policies its controller supports.</summary>
    public static IEnumerable<StatusCause> RestartPolicy(JsonObject? template, string path, params string[] allowed)
    {
        if (template is null)
        {
            return [];
        }
        var policy = template.Obj("spec")?.Str("restartPolicy") ?? "";
        return allowed.Contains(policy)
            ? []
            : [FieldErrors.NotSupported(FieldPath.Child(path, "spec.restartPolicy"), JsonValue.Create(policy), allowed)];
    }

    private static HashSet<string> Volumes(JsonArray? volumes, string path, List<StatusCause> causes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (i, volume) in volumes.IndexedObjects())
        {
            var namePath = FieldPath.Child(FieldPath.Index(path, i), "name");
            var name = volume.Str("name") ?? "";
            if (name.Length == 0)
            {
                causes.Add(FieldErrors.Required(namePath));
                continue;
            }
            causes.AddRange(NameRules.IsDns1123Label(name).Select(msg => FieldErrors.Invalid(namePath, name, msg)));
            if (!names.Add(name))
            {
                causes.Add(FieldErrors.Duplicate(namePath, JsonValue.Create(name)));
            }
        }
        return names;
    }

    private static void Container(JsonObject container, string path, HashSet<string> names, HashSet<string> volumes, List<StatusCause> causes)
    {
        var namePath = FieldPath.Child(path, "name");
        var name = container.Str("name") ?? "";
        if (name.Length == 0)
        {
            causes.Add(FieldErrors.Required(namePath));
        }
        else
        {
            causes.AddRange(NameRules.IsDns1123Label(name).Select(msg => FieldErrors.Invalid(namePath, name, msg)));
            if (!names.Add(name))
            {
                causes.Add(FieldErrors.Duplicate(namePath, JsonValue.Create(name)));
            }
        }
        if (container.IsBlank("image"))
        {
            causes.Add(FieldErrors.Required(FieldPath.Child(path, "image")));
        }
        Supported(container, "imagePullPolicy", PullPolicies, path, causes);
        foreach (var (i, env) in container.Arr("env").IndexedObjects())
        {
            if (env.IsBlank("name"))
            {
                causes.Add(FieldErrors.Required(FieldPath.Child(FieldPath.Index(FieldPath.Child(path, "env"), i), "name")));
            }
        }
        foreach (var (i, port) in container.Arr("ports").IndexedObjects())
        {
            var portPath = FieldPath.Index(FieldPath.Child(path, "ports"), i);
            PortNumber(port, "containerPort", portPath, required: true, causes);
            Supported(port, "protocol", Protocols, portPath, causes);
        }
        foreach (var (i, mount) in container.Arr("volumeMounts").IndexedObjects())
        {
            var mountPath = FieldPath.Index(FieldPath.Child(path, "volumeMounts"), i);
            var volume = mount.Str("name") ?? "";
            if (volume.Length == 0)
            {
                causes.Add(FieldErrors.Required(FieldPath.Child(mountPath, "name")));
            }
            else if (!volumes.Contains(volume))
            {
                causes.Add(FieldErrors.NotFound(FieldPath.Child(mountPath, "name"), JsonValue.Create(volume)));
            }
            if (mount.IsBlank("mountPath"))
            {
                causes.Add(FieldErrors.Required(FieldPath.Child(mountPath, "mountPath")));
            }
        }
    }

    /// <summary>A port number field: required or optional, and within 1–65535.</summary>
    public static void PortNumber(JsonObject port, string key, string path, bool required, List<StatusCause> causes)
    {
        var fieldPath = FieldPath.Child(path, key);
        if (port.IsUnset(key))
        {
            if (required)
            {
                causes.Add(FieldErrors.Required(fieldPath));
            }
            return;
        }
        if (port.Long(key) is not { } number || number < 1 || number > 65535)
        {
            causes.Add(FieldErrors.Invalid(fieldPath, port[key]!.DeepClone(), "must be between 1 and 65535, inclusive"));
        }
    }

    /// <summary>An optional enum-like string field: when set, it must be one of the supported values.</summary>
    public static void Supported(JsonObject obj, string key, string[] supported, string path, List<StatusCause> causes)
    {
        if (obj.Str(key) is { Length: > 0 } value && !supported.Contains(value))
        {
            causes.Add(FieldErrors.NotSupported(FieldPath.Child(path, key), JsonValue.Create(value), supported));
        }
    }
}
