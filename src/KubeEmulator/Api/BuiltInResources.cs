using k8s.Models;

namespace KubeEmulator.Api;

/// <summary>The built-in kinds the emulator serves. Adding a kind is one row.</summary>
public static class BuiltInResources
{
    private static readonly string[] None = [];

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        new("", "v1", "Namespace", "namespaces", "namespace", ["ns"], false, true, typeof(V1Namespace)),
        new("", "v1", "ConfigMap", "configmaps", "configmap", ["cm"], true, false, typeof(V1ConfigMap)),
        new("", "v1", "Secret", "secrets", "secret", None, true, false, typeof(V1Secret)),
        new("", "v1", "Service", "services", "service", ["svc"], true, true, typeof(V1Service), ["all"]),
        new("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount", ["sa"], true, false, typeof(V1ServiceAccount), HasToken: true),
        new("", "v1", "Pod", "pods", "pod", ["po"], true, true, typeof(V1Pod), ["all"]),
        new("", "v1", "Endpoints", "endpoints", "endpoints", ["ep"], true, false, typeof(V1Endpoints)),
        new("", "v1", "Event", "events", "event", ["ev"], true, false, typeof(Corev1Event)),
        new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", "persistentvolumeclaim", ["pvc"], true, true, typeof(V1PersistentVolumeClaim)),
        new("", "v1", "PersistentVolume", "persistentvolumes", "persistentvolume", ["pv"], false, true, typeof(V1PersistentVolume)),
        new("", "v1", "LimitRange", "limitranges", "limitrange", ["limits"], true, false, typeof(V1LimitRange)),
        new("", "v1", "ResourceQuota", "resourcequotas", "resourcequota", ["quota"], true, true, typeof(V1ResourceQuota)),
        new("events.k8s.io", "v1", "Event", "events", "event", ["ev"], true, false, typeof(Eventsv1Event)),
        new("apps", "v1", "Deployment", "deployments", "deployment", ["deploy"], true, true, typeof(V1Deployment), ["all"], ScaleSubresource.Workload),
        new("apps", "v1", "StatefulSet", "statefulsets", "statefulset", ["sts"], true, true, typeof(V1StatefulSet), ["all"], ScaleSubresource.Workload),
        new("apps", "v1", "DaemonSet", "daemonsets", "daemonset", ["ds"], true, true, typeof(V1DaemonSet), ["all"]),
        new("apps", "v1", "ReplicaSet", "replicasets", "replicaset", ["rs"], true, true, typeof(V1ReplicaSet), ["all"], ScaleSubresource.Workload),
        new("apps", "v1", "ControllerRevision", "controllerrevisions", "controllerrevision", None, true, false, typeof(V1ControllerRevision)),
        new("batch", "v1", "Job", "jobs", "job", None, true, true, typeof(V1Job), ["all"]),
        new("batch", "v1", "CronJob", "cronjobs", "cronjob", ["cj"], true, true, typeof(V1CronJob), ["all"]),
        new("networking.k8s.io", "v1", "Ingress", "ingresses", "ingress", ["ing"], true, true, typeof(V1Ingress)),
        new("networking.k8s.io", "v1", "IngressClass", "ingressclasses", "ingressclass", None, false, false, typeof(V1IngressClass)),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", "networkpolicy", ["netpol"], true, false, typeof(V1NetworkPolicy)),
        new("rbac.authorization.k8s.io", "v1", "Role", "roles", "role", None, true, false, typeof(V1Role)),
        new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", "rolebinding", None, true, false, typeof(V1RoleBinding)),
        new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", "clusterrole", None, false, false, typeof(V1ClusterRole)),
        new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", "clusterrolebinding", None, false, false, typeof(V1ClusterRoleBinding)),
        new("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", "selfsubjectreview", None, false, false, typeof(V1SelfSubjectReview), Verbs: ApiVerbs.CreateOnly),
        new("authentication.k8s.io", "v1", "TokenReview", "tokenreviews", "tokenreview", None, false, false, typeof(V1TokenReview), Verbs: ApiVerbs.CreateOnly),
        new("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", "selfsubjectaccessreview", None, false, false, typeof(V1SelfSubjectAccessReview), Verbs: ApiVerbs.CreateOnly),
        new("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", "selfsubjectrulesreview", None, false, false, typeof(V1SelfSubjectRulesReview), Verbs: ApiVerbs.CreateOnly),
        new("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", "subjectaccessreview", None, false, false, typeof(V1SubjectAccessReview), Verbs: ApiVerbs.CreateOnly),
        new("authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", "localsubjectaccessreview", None, true, false, typeof(V1LocalSubjectAccessReview), Verbs: ApiVerbs.CreateOnly),
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", "customresourcedefinition", ["crd", "crds"], false, true, typeof(V1CustomResourceDefinition)),
        new("coordination.k8s.io", "v1", "Lease", "leases", "lease", None, true, false, typeof(V1Lease)),
        new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "horizontalpodautoscaler", ["hpa"], true, true, typeof(V2HorizontalPodAutoscaler), ["all"]),
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", "poddisruptionbudget", ["pdb"], true, true, typeof(V1PodDisruptionBudget)),
        new("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", "priorityclass", ["pc"], false, false, typeof(V1PriorityClass)),
        new("storage.k8s.io", "v1", "StorageClass", "storageclasses", "storageclass", ["sc"], false, false, typeof(V1StorageClass)),
        new("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", "validatingwebhookconfiguration", None, false, false, typeof(V1ValidatingWebhookConfiguration)),
        new("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", "mutatingwebhookconfiguration", None, false, false, typeof(V1MutatingWebhookConfiguration)),
    ];
}
