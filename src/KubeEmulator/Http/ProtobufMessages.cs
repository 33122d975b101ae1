using System.Collections.Frozen;

namespace KubeEmulator.Http;

/// <summary>How a protobuf field's value reads into JSON.</summary>
internal enum ProtoKind
{
    String,
    Int,
    Bool,

    /// <summary>Raw bytes, base64 in JSON.</summary>
    Bytes,

    /// <summary>A nested message named by <see cref="ProtoField.Ref"/>.</summary>
    Message,

    /// <summary>util/intstr.IntOrString: a JSON number or string.</summary>
    IntOrString,

    /// <summary>api/resource.Quantity: its string form.</summary>
    Quantity,
}

/// <summary>
/// One field of a message: its JSON name and kind; Repeated for lists, Map for map&lt;string, kind&gt;, KeepZero for
/// pointer fields whose zero value is meaningful (replicas: 0).
/// </summary>
internal sealed record ProtoField(string Json, ProtoKind Kind, string? Ref = null, bool Repeated = false, bool Map = false, bool KeepZero = false);

/// <summary>
/// The message descriptors of the kinds kubectl's typed clients create, field numbers as in Kubernetes'
/// generated.proto files (k8s.io/api core/v1, apps/v1, batch/v1, rbac/v1, authentication/v1, authorization/v1;
/// apimachinery meta/v1, util/intstr, api/resource). Fields not listed are skipped.
/// </summary>
internal static class ProtobufMessages
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), string> Kinds = new Dictionary<(string, string), string>
    {
        [("v1", "Namespace")] = "Namespace",
        [("v1", "ConfigMap")] = "ConfigMap",
        [("v1", "Secret")] = "Secret",
        [("v1", "Pod")] = "Pod",
        [("v1", "Service")] = "Service",
        [("v1", "ServiceAccount")] = "ServiceAccount",
        [("apps/v1", "Deployment")] = "Deployment",
        [("batch/v1", "Job")] = "Job",
        [("batch/v1", "CronJob")] = "CronJob",
        [("rbac.authorization.k8s.io/v1", "Role")] = "Role",
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = "ClusterRole",
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = "RoleBinding",
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = "ClusterRoleBinding",
        [("authentication.k8s.io/v1", "TokenRequest")] = "TokenRequest",
        [("authentication.k8s.io/v1", "SelfSubjectReview")] = "SelfSubjectReview",
        [("authentication.k8s.io/v1", "TokenReview")] = "TokenReview",
        [("authorization.k8s.io/v1", "SelfSubjectAccessReview")] = "SelfSubjectAccessReview",
        [("authorization.k8s.io/v1", "SelfSubjectRulesReview")] = "SelfSubjectRulesReview",
        [("authorization.k8s.io/v1", "SubjectAccessReview")] = "SubjectAccessReview",
        [("authorization.k8s.io/v1", "LocalSubjectAccessReview")] = "LocalSubjectAccessReview",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FrozenDictionary<int, ProtoField>> Messages = new Dictionary<string, Dictionary<int, ProtoField>>
    {
        // apimachinery meta/v1, util/intstr, api/resource
        ["ObjectMeta"] = new()
        {
            [1] = Str("name"), [2] = Str("generateName"), [3] = Str("namespace"), [5] = Str("uid"), [6] = Str("resourceVersion"),
            [11] = StrMap("labels"), [12] = StrMap("annotations"), [13] = Msgs("ownerReferences", "OwnerReference"),
            [14] = Strs("finalizers"),
        },
        ["OwnerReference"] = new()
        {
            [1] = Str("kind"), [3] = Str("name"), [4] = Str("uid"), [5] = Str("apiVersion"), [6] = Ptr("controller", ProtoKind.Bool),
            [7] = Ptr("blockOwnerDeletion", ProtoKind.Bool),
        },
        ["LabelSelector"] = new() { [1] = StrMap("matchLabels"), [2] = Msgs("matchExpressions", "LabelSelectorRequirement") },
        ["LabelSelectorRequirement"] = new() { [1] = Str("key"), [2] = Str("operator"), [3] = Strs("values") },
        ["DeleteOptions"] = new()
        {
            [1] = Ptr("gracePeriodSeconds", ProtoKind.Int), [3] = Ptr("orphanDependents", ProtoKind.Bool), [4] = Str("propagationPolicy"),
            [5] = Strs("dryRun"),
        },
        ["Quantity"] = new() { [1] = Str("string") },

        // core/v1
        ["Namespace"] = new() { [1] = Meta() },
        ["ConfigMap"] = new()
        {
            [1] = Meta(), [2] = StrMap("data"), [3] = new("binaryData", ProtoKind.Bytes, Map: true), [4] = Ptr("immutable", ProtoKind.Bool),
        },
        ["Secret"] = new()
        {
            [1] = Meta(), [2] = new("data", ProtoKind.Bytes, Map: true), [3] = Str("type"), [4] = StrMap("stringData"),
            [5] = Ptr("immutable", ProtoKind.Bool),
        },
        ["ServiceAccount"] = new()
        {
            [1] = Meta(), [2] = Msgs("secrets", "ObjectReference"), [3] = Msgs("imagePullSecrets", "LocalObjectReference"),
            [4] = Ptr("automountServiceAccountToken", ProtoKind.Bool),
        },
        ["ObjectReference"] = new() { [1] = Str("kind"), [2] = Str("namespace"), [3] = Str("name"), [4] = Str("uid"), [5] = Str("apiVersion") },
        ["LocalObjectReference"] = new() { [1] = Str("name") },
        ["Pod"] = new() { [1] = Meta(), [2] = Msg("spec", "PodSpec") },
        ["PodTemplateSpec"] = new() { [1] = Meta(), [2] = Msg("spec", "PodSpec") },
        ["PodSpec"] = new()
        {
            [2] = Msgs("containers", "Container"), [3] = Str("restartPolicy"), [4] = Ptr("terminationGracePeriodSeconds", ProtoKind.Int),
            [5] = Ptr("activeDeadlineSeconds", ProtoKind.Int), [6] = Str("dnsPolicy"), [7] = StrMap("nodeSelector"),
            [8] = Str("serviceAccountName"), [9] = Str("serviceAccount"), [10] = Str("nodeName"),
            [15] = Msgs("imagePullSecrets", "LocalObjectReference"), [16] = Str("hostname"), [17] = Str("subdomain"),
            [19] = Str("schedulerName"), [20] = Msgs("initContainers", "Container"), [21] = Ptr("automountServiceAccountToken", ProtoKind.Bool),
        },
        ["Container"] = new()
        {
            [1] = Str("name"), [2] = Str("image"), [3] = Strs("command"), [4] = Strs("args"), [5] = Str("workingDir"),
            [6] = Msgs("ports", "ContainerPort"), [7] = Msgs("env", "EnvVar"), [8] = Msg("resources", "ResourceRequirements"),
            [13] = Str("terminationMessagePath"), [14] = Str("imagePullPolicy"), [16] = Bool("stdin"), [17] = Bool("stdinOnce"),
            [18] = Bool("tty"), [20] = Str("terminationMessagePolicy"),
        },
        ["ContainerPort"] = new()
        {
            [1] = Str("name"), [2] = Int("hostPort"), [3] = Int("containerPort"), [4] = Str("protocol"), [5] = Str("hostIP"),
        },
        ["EnvVar"] = new() { [1] = Str("name"), [2] = Str("value") },
        ["ResourceRequirements"] = new()
        {
            [1] = new("limits", ProtoKind.Quantity, Map: true), [2] = new("requests", ProtoKind.Quantity, Map: true),
        },
        ["Service"] = new() { [1] = Meta(), [2] = Msg("spec", "ServiceSpec") },
        ["ServiceSpec"] = new()
        {
            [1] = Msgs("ports", "ServicePort"), [2] = StrMap("selector"), [3] = Str("clusterIP"), [4] = Str("type"),
            [5] = Strs("externalIPs"), [7] = Str("sessionAffinity"), [10] = Str("externalName"), [18] = Strs("clusterIPs"),
        },
        ["ServicePort"] = new()
        {
            [1] = Str("name"), [2] = Str("protocol"), [3] = Int("port"), [4] = new("targetPort", ProtoKind.IntOrString), [5] = Int("nodePort"),
            [6] = Str("appProtocol"),
        },

        // apps/v1
        ["Deployment"] = new() { [1] = Meta(), [2] = Msg("spec", "DeploymentSpec") },
        ["DeploymentSpec"] = new()
        {
            [1] = Ptr("replicas", ProtoKind.Int), [2] = Msg("selector", "LabelSelector"), [3] = Msg("template", "PodTemplateSpec"),
            [4] = Msg("strategy", "DeploymentStrategy"), [5] = Int("minReadySeconds"), [6] = Ptr("revisionHistoryLimit", ProtoKind.Int),
            [7] = Bool("paused"), [9] = Ptr("progressDeadlineSeconds", ProtoKind.Int),
        },
        ["DeploymentStrategy"] = new() { [1] = Str("type"), [2] = Msg("rollingUpdate", "RollingUpdateDeployment") },
        ["RollingUpdateDeployment"] = new()
        {
            [1] = new("maxUnavailable", ProtoKind.IntOrString), [2] = new("maxSurge", ProtoKind.IntOrString),
        },

        // batch/v1
        ["Job"] = new() { [1] = Meta(), [2] = Msg("spec", "JobSpec") },
        ["JobSpec"] = new()
        {
            [1] = Ptr("parallelism", ProtoKind.Int), [2] = Ptr("completions", ProtoKind.Int), [3] = Ptr("activeDeadlineSeconds", ProtoKind.Int),
            [4] = Msg("selector", "LabelSelector"), [5] = Ptr("manualSelector", ProtoKind.Bool), [6] = Msg("template", "PodTemplateSpec"),
            [7] = Ptr("backoffLimit", ProtoKind.Int), [8] = Ptr("ttlSecondsAfterFinished", ProtoKind.Int), [10] = Ptr("suspend", ProtoKind.Bool),
        },
        ["CronJob"] = new() { [1] = Meta(), [2] = Msg("spec", "CronJobSpec") },
        ["CronJobSpec"] = new()
        {
            [1] = Str("schedule"), [2] = Ptr("startingDeadlineSeconds", ProtoKind.Int), [3] = Str("concurrencyPolicy"),
            [4] = Ptr("suspend", ProtoKind.Bool), [5] = Msg("jobTemplate", "JobTemplateSpec"),
            [6] = Ptr("successfulJobsHistoryLimit", ProtoKind.Int), [7] = Ptr("failedJobsHistoryLimit", ProtoKind.Int), [8] = Str("timeZone"),
        },
        ["JobTemplateSpec"] = new() { [1] = Meta(), [2] = Msg("spec", "JobSpec") },

        // rbac/v1
        ["Role"] = new() { [1] = Meta(), [2] = Msgs("rules", "PolicyRule") },
        ["ClusterRole"] = new() { [1] = Meta(), [2] = Msgs("rules", "PolicyRule"), [3] = Msg("aggregationRule", "AggregationRule") },
        ["AggregationRule"] = new() { [1] = Msgs("clusterRoleSelectors", "LabelSelector") },
        ["PolicyRule"] = new()
        {
            [1] = Strs("verbs"), [2] = Strs("apiGroups"), [3] = Strs("resources"), [4] = Strs("resourceNames"), [5] = Strs("nonResourceURLs"),
        },
        ["RoleBinding"] = new() { [1] = Meta(), [2] = Msgs("subjects", "Subject"), [3] = Msg("roleRef", "RoleRef") },
        ["ClusterRoleBinding"] = new() { [1] = Meta(), [2] = Msgs("subjects", "Subject"), [3] = Msg("roleRef", "RoleRef") },
        ["Subject"] = new() { [1] = Str("kind"), [2] = Str("apiGroup"), [3] = Str("name"), [4] = Str("namespace") },
        ["RoleRef"] = new() { [1] = Str("apiGroup"), [2] = Str("kind"), [3] = Str("name") },

        // authentication/v1
        ["TokenRequest"] = new() { [1] = Meta(), [2] = Msg("spec", "TokenRequestSpec") },
        ["TokenRequestSpec"] = new()
        {
            [1] = Strs("audiences"), [3] = Msg("boundObjectRef", "BoundObjectReference"), [4] = Ptr("expirationSeconds", ProtoKind.Int),
        },
        ["BoundObjectReference"] = new() { [1] = Str("kind"), [2] = Str("apiVersion"), [3] = Str("name"), [4] = Str("uid") },
        ["SelfSubjectReview"] = new() { [1] = Meta() },
        ["TokenReview"] = new() { [1] = Meta(), [2] = Msg("spec", "TokenReviewSpec") },
        ["TokenReviewSpec"] = new() { [1] = Str("token"), [2] = Strs("audiences") },

        // authorization/v1
        ["SelfSubjectAccessReview"] = new() { [1] = Meta(), [2] = Msg("spec", "SelfSubjectAccessReviewSpec") },
        ["SelfSubjectAccessReviewSpec"] = new()
        {
            [1] = Msg("resourceAttributes", "ResourceAttributes"), [2] = Msg("nonResourceAttributes", "NonResourceAttributes"),
        },
        ["SubjectAccessReview"] = new() { [1] = Meta(), [2] = Msg("spec", "SubjectAccessReviewSpec") },
        ["LocalSubjectAccessReview"] = new() { [1] = Meta(), [2] = Msg("spec", "SubjectAccessReviewSpec") },
        ["SubjectAccessReviewSpec"] = new()
        {
            [1] = Msg("resourceAttributes", "ResourceAttributes"), [2] = Msg("nonResourceAttributes", "NonResourceAttributes"),
            [3] = Str("user"), [4] = Strs("groups"), [6] = Str("uid"),
        },
        ["ResourceAttributes"] = new()
        {
            [1] = Str("namespace"), [2] = Str("verb"), [3] = Str("group"), [4] = Str("version"), [5] = Str("resource"),
            [6] = Str("subresource"), [7] = Str("name"),
        },
        ["NonResourceAttributes"] = new() { [1] = Str("path"), [2] = Str("verb") },
        ["SelfSubjectRulesReview"] = new() { [1] = Meta(), [2] = Msg("spec", "SelfSubjectRulesReviewSpec") },
        ["SelfSubjectRulesReviewSpec"] = new() { [1] = Str("namespace") },
    }.ToFrozenDictionary(message => message.Key, message => message.Value.ToFrozenDictionary());

    /// <summary>The message a top-level object of this apiVersion and kind is; DeleteOptions in any version.</summary>
    public static string? TopLevel(string? apiVersion, string? kind) =>
        kind == "DeleteOptions" ? kind : Kinds.GetValueOrDefault((apiVersion ?? "", kind ?? ""));

    public static FrozenDictionary<int, ProtoField> Fields(string message) => Messages[message];

    private static ProtoField Meta() => Msg("metadata", "ObjectMeta");

    private static ProtoField Str(string json) => new(json, ProtoKind.String);

    private static ProtoField Strs(string json) => new(json, ProtoKind.String, Repeated: true);

    private static ProtoField StrMap(string json) => new(json, ProtoKind.String, Map: true);

    private static ProtoField Int(string json) => new(json, ProtoKind.Int);

    private static ProtoField Bool(string json) => new(json, ProtoKind.Bool);

    private static ProtoField Ptr(string json, ProtoKind kind) => new(json, kind, KeepZero: true);

    private static ProtoField Msg(string json, string message) => new(json, ProtoKind.Message, message);

    private static ProtoField Msgs(string json, string message) => new(json, ProtoKind.Message, message, Repeated: true);
}
