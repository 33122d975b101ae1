using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>Built-in validation with the real server's causes: names (DNS-1123 etc.), required fields, immutable fields.</summary>
public static class Validator
{
    /// <summary>Causes for a new object (empty when valid).</summary>
    public static IReadOnlyList<StatusCause> ValidateCreate(ResourceType type, JsonObject obj) =>
        ObjectMetaValidation.Validate(type, obj).Concat(ValidateKind(type, obj)).ToList();

    /// <summary>Causes for an update (includes immutable-field changes: Deployment spec.selector, Job spec.template, …).</summary>
    public static IReadOnlyList<StatusCause> ValidateUpdate(ResourceType type, JsonObject oldObj, JsonObject newObj) =>
        ValidateCreate(type, newObj).Concat(ImmutableFields.Check(type, oldObj, newObj)).ToList();

    /// <summary>
    /// The message of the 422 Invalid status, as apierrors.NewInvalid builds it:
    /// <c>Deployment.apps "web" is invalid: spec.selector: Invalid value: {...}: field is immutable</c>;
    /// several distinct causes are joined as <c>[first, second]</c>.
    /// </summary>
    public static string InvalidMessage(ResourceType type, string name, IReadOnlyList<StatusCause> causes)
    {
        var prefix = $"{type.QualifiedKind} {GoValue.Quote(name)} is invalid";
        var messages = causes.Select(FieldErrors.Describe).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count switch
        {
            0 => prefix,
            1 => $"{prefix}: {messages[0]}",
            _ => $"{prefix}: [{string.Join(", ", messages)}]",
        };
    }

    private static IEnumerable<StatusCause> ValidateKind(ResourceType type, JsonObject obj) => (type.Group, type.Kind) switch
    {
        ("", "Pod") => WorkloadValidation.Pod(obj),
        ("", "Service") => ServiceValidation.Validate(obj),
        ("", "ConfigMap") => DataValidation.ConfigMap(obj),
        ("", "Secret") => DataValidation.Secret(obj),
        ("apps", "Deployment") => WorkloadValidation.Deployment(obj),
        ("apps", "ReplicaSet") => WorkloadValidation.ReplicaSetLike(obj, "deployment"),
        ("apps", "DaemonSet") => WorkloadValidation.ReplicaSetLike(obj, "daemonset"),
        ("apps", "StatefulSet") => WorkloadValidation.StatefulSet(obj),
        ("batch", "Job") => WorkloadValidation.Job(obj),
        ("batch", "CronJob") => WorkloadValidation.CronJob(obj),
        ("apiextensions.k8s.io", "CustomResourceDefinition") => CrdValidation.Validate(obj),
        ("networking.k8s.io", "Ingress") => IngressValidation.Validate(obj),
        ("rbac.authorization.k8s.io", "Role") => RbacValidation.Rules(obj, namespaced: true),
        ("rbac.authorization.k8s.io", "ClusterRole") => obj["aggregationRule"] is null ? RbacValidation.Rules(obj, namespaced: false) : [],
        ("rbac.authorization.k8s.io", "RoleBinding") => RbacValidation.Binding(obj, namespaced: true),
        ("rbac.authorization.k8s.io", "ClusterRoleBinding") => RbacValidation.Binding(obj, namespaced: false),
        _ => [],
    };
}
