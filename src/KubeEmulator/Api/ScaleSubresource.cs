namespace KubeEmulator.Api;

/// <summary>
/// Where a kind keeps what its scale subresource (autoscaling/v1 Scale) shows, as dotted JSON paths. The selector
/// path may hold a metav1.LabelSelector object (the built-in workloads) or a selector string (custom resources).
/// </summary>
public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath)
{
    /// <summary>Deployments, ReplicaSets and StatefulSets.</summary>
    public static ScaleSubresource Workload { get; } = new(".spec.replicas", ".status.replicas", ".spec.selector");
}
