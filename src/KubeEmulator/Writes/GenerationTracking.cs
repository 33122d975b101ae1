using KubeEmulator.Registry;

namespace KubeEmulator.Writes;

/// <summary>
/// Which kinds carry metadata.generation: those whose registry strategy sets it to 1 on create and bumps it on spec
/// changes (workloads, Ingress, NetworkPolicy, PDB, HPA, webhooks, CRDs and every custom resource). The others
/// (ConfigMap, Secret, Service, Namespace, RBAC, …) never have one.
/// </summary>
internal static class GenerationTracking
{
    private static readonly HashSet<(string Group, string Kind)> Tracked =
    [
        ("", "ReplicationController"),
        ("apps", "Deployment"),
        ("apps", "StatefulSet"),
        ("apps", "DaemonSet"),
        ("apps", "ReplicaSet"),
        ("batch", "Job"),
        ("batch", "CronJob"),
        ("networking.k8s.io", "Ingress"),
        ("networking.k8s.io", "IngressClass"),
        ("networking.k8s.io", "NetworkPolicy"),
        ("policy", "PodDisruptionBudget"),
        ("autoscaling", "HorizontalPodAutoscaler"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"),
    ];

    public static bool Tracks(ServedType served) => served.IsCustom || Tracked.Contains((served.Type.Group, served.Type.Kind));
}
