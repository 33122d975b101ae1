namespace KubeEmulator.Api.Tables;

/// <summary>Which columns each kind's Table has; kinds without their own printer get Name and Age.</summary>
public static class BuiltInColumns
{
    private static readonly IReadOnlyList<TableColumn> NameAndAge = [CommonColumns.Name, CommonColumns.Age];

    private static readonly IReadOnlyList<TableColumn> CustomResourceDefinition =
    [
        CommonColumns.Name,
        new("Created At", "date", "CreationTimestamp of the CustomResourceDefinition.",
            (obj, _) => HumanDuration.ParseTimestamp(ObjectFields.String(obj, "metadata", "creationTimestamp")) is { } created
                ? created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)
                : null),
    ];

    private static readonly IReadOnlyList<TableColumn> Lease =
    [
        CommonColumns.Name,
        new("Holder", "string", "The holder of the lease.", (obj, _) => ObjectFields.String(obj, "spec", "holderIdentity") ?? "<none>"),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<TableColumn> For(ResourceType type) => (type.Group, type.Kind) switch
    {
        ("", "Pod") => CoreColumns.Pod,
        ("", "Service") => CoreColumns.Service,
        ("", "ConfigMap") => CoreColumns.ConfigMap,
        ("", "Secret") => CoreColumns.Secret,
        ("", "Namespace") => CoreColumns.Namespace,
        ("", "ServiceAccount") => CoreColumns.ServiceAccount,
        ("", "Endpoints") => CoreColumns.Endpoints,
        ("", "Event") => CoreColumns.Event,
        ("apps", "Deployment") => WorkloadColumns.Deployment,
        ("apps", "ReplicaSet") => WorkloadColumns.ReplicaSet,
        ("apps", "StatefulSet") => WorkloadColumns.StatefulSet,
        ("apps", "DaemonSet") => WorkloadColumns.DaemonSet,
        ("batch", "Job") => WorkloadColumns.Job,
        ("batch", "CronJob") => WorkloadColumns.CronJob,
        ("apiextensions.k8s.io", "CustomResourceDefinition") => CustomResourceDefinition,
        ("coordination.k8s.io", "Lease") => Lease,
        _ => NameAndAge,
    };
}
