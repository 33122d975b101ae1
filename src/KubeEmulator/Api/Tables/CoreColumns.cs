using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>The server's columns for the core kinds.</summary>
public static class CoreColumns
{
    public static IReadOnlyList<TableColumn> Pod { get; } =
    [
        CommonColumns.Name,
        new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic.",
            (obj, _) => $"{ObjectFields.Objects(obj, "status", "containerStatuses").Count(c => ObjectFields.Boolean(c, "ready"))}/{ObjectFields.Count(obj, "spec", "containers")}"),
        new("Status", "string", "The aggregate status of the containers in this pod.", (obj, _) => PodStatusReason.Of(obj)),
        new("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
            (obj, now) => Restarts(obj, now)),
        CommonColumns.Age,
        new("IP", "string", "IP address allocated to the pod.", (obj, _) => ObjectFields.String(obj, "status", "podIP") ?? "<none>", Priority: 1),
        new("Node", "string", "Name of the Node to which this pod is scheduled.", (obj, _) => ObjectFields.String(obj, "spec", "nodeName") ?? "<none>", Priority: 1),
    ];

    public static IReadOnlyList<TableColumn> Service { get; } =
    [
        CommonColumns.Name,
        new("Type", "string", "The type of the service.", (obj, _) => ServiceType(obj)),
        new("Cluster-IP", "string", "The cluster IP of the service.", (obj, _) => ClusterIp(obj)),
        new("External-IP", "string", "The external IP of the service.", (obj, _) => ExternalIp(obj)),
        new("Port(s)", "string", "The ports of the service.", (obj, _) => Ports(obj)),
        CommonColumns.Age,
        new("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.",
            (obj, _) => CommonColumns.Labels(ObjectFields.At(obj, "spec", "selector")), Priority: 1),
    ];

    public static IReadOnlyList<TableColumn> ConfigMap { get; } =
    [
        CommonColumns.Name,
        new("Data", "string", "Number of items in the config map.",
            (obj, _) => ObjectFields.Count(obj, "data") + ObjectFields.Count(obj, "binaryData")),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<TableColumn> Secret { get; } =
    [
        CommonColumns.Name,
        new("Type", "string", "The type of the secret.", (obj, _) => ObjectFields.String(obj, "type") ?? "Opaque"),
        new("Data", "string", "The number of items in the secret.", (obj, _) => ObjectFields.Count(obj, "data")),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<TableColumn> Namespace { get; } =
    [
        CommonColumns.Name,
        new("Status", "string", "The status of the namespace.", (obj, _) => ObjectFields.String(obj, "status", "phase") ?? "Active"),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<TableColumn> ServiceAccount { get; } =
    [
        CommonColumns.Name,
        new("Secrets", "string", "Secrets is the list of secrets allowed to be used by pods running using this ServiceAccount.",
            (obj, _) => ObjectFields.Count(obj, "secrets")),
        CommonColumns.Age,
    ];

    public static IReadOnlyList<TableColumn> Endpoints { get; } =
    [
        CommonColumns.Name,
        new("Endpoints", "string", "Endpoints of the service.", (obj, _) => EndpointAddresses(obj)),
        CommonColumns.Age,
    ];

    /// <summary>core/v1 Event: the server lists these with "Last Seen" first and Name only in -o wide.</summary>
    public static IReadOnlyList<TableColumn> Event { get; } =
    [
        new("Last Seen", "string", "Time when last event occurred.",
            (obj, now) => HumanDuration.Since(ObjectFields.Timestamp(obj, "lastTimestamp") ?? ObjectFields.Timestamp(obj, "eventTime") ?? ObjectFields.Timestamp(obj, "metadata", "creationTimestamp"), now)),
        new("Type", "string", "Type of this event.", (obj, _) => ObjectFields.String(obj, "type") ?? ""),
        new("Reason", "string", "Reason why this event was generated.", (obj, _) => ObjectFields.String(obj, "reason") ?? ""),
        new("Object", "string", "The object this event is about.",
            (obj, _) => $"{(ObjectFields.String(obj, "involvedObject", "kind") ?? "").ToLowerInvariant()}/{ObjectFields.String(obj, "involvedObject", "name")}"),
        new("Message", "string", "A human-readable description of the status of this operation.", (obj, _) => ObjectFields.String(obj, "message") ?? ""),
        CommonColumns.Name with { Priority = 1 },
    ];

    /// <summary>"3", or "3 (5m ago)" when a container's last termination is known.</summary>
    private static string Restarts(JsonObject pod, DateTimeOffset now)
    {
        var statuses = ObjectFields.Objects(pod, "status", "containerStatuses");
        var restarts = statuses.Sum(c => ObjectFields.Integer(c, "restartCount"));
        var lastRestart = statuses.Select(c => ObjectFields.Timestamp(c, "lastState", "terminated", "finishedAt")).Max();
        return restarts != 0 && lastRestart is { } last
            ? $"{restarts} ({HumanDuration.Since(last, now)} ago)"
            : restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ServiceType(JsonObject service) => ObjectFields.String(service, "spec", "type") ?? "ClusterIP";

    private static string ClusterIp(JsonObject service) =>
        ServiceType(service) == "ExternalName" ? "<none>" : ObjectFields.String(service, "spec", "clusterIP") ?? "<none>";

    private static string ExternalIp(JsonObject service)
    {
        var external = (ObjectFields.At(service, "spec", "externalIPs") as JsonArray ?? []).Select(ip => ip?.ToString() ?? "").ToList();
        switch (ServiceType(service))
        {
            case "ExternalName":
                return ObjectFields.String(service, "spec", "externalName") ?? "<none>";
            case "LoadBalancer":
                var ingress = ObjectFields.Objects(service, "status", "loadBalancer", "ingress")
                    .Select(i => ObjectFields.String(i, "ip") ?? ObjectFields.String(i, "hostname") ?? "");
                var all = external.Concat(ingress).ToList();
                return all.Count == 0 ? "<pending>" : string.Join(",", all);
            default:
                return external.Count == 0 ? "<none>" : string.Join(",", external);
        }
    }

    private static string Ports(JsonObject service)
    {
        var ports = ObjectFields.Objects(service, "spec", "ports").Select(p =>
        {
            var protocol = ObjectFields.String(p, "protocol") ?? "TCP";
            var nodePort = ObjectFields.OptionalInteger(p, "nodePort");
            return nodePort is { } node and not 0
                ? $"{ObjectFields.Integer(p, "port")}:{node}/{protocol}"
                : $"{ObjectFields.Integer(p, "port")}/{protocol}";
        }).ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    private static string EndpointAddresses(JsonObject endpoints)
    {
        var addresses = ObjectFields.Objects(endpoints, "subsets").SelectMany(subset =>
        {
            var ports = ObjectFields.Objects(subset, "ports").Select(p => ObjectFields.Integer(p, "port")).ToList();
            return ObjectFields.Objects(subset, "addresses").SelectMany(a =>
            {
                var ip = ObjectFields.String(a, "ip") ?? "";
                return ports.Count == 0 ? [ip] : ports.Select(port => $"{ip}:{port}");
            });
        }).ToList();
        return addresses.Count == 0 ? "<none>" : string.Join(",", addresses.Take(3)) + (addresses.Count > 3 ? $" + {addresses.Count - 3} more..." : "");
    }
}
