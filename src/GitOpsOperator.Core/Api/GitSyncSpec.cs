using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>One path of a source, applied to the cluster and kept there; defaults as the CRD sets them.</summary>
public sealed record GitSyncSpec
{
    [JsonPropertyName("sourceRef")]
    public required SourceReference SourceRef { get; init; }

    [JsonPropertyName("path")]
    public string Path { get; init; } = "./";

    [JsonPropertyName("interval")]
    public string Interval { get; init; } = "10m";

    [JsonPropertyName("retryInterval")]
    public string RetryInterval { get; init; } = "30s";

    [JsonPropertyName("prune")]
    public bool Prune { get; init; }

    [JsonPropertyName("wait")]
    public bool Wait { get; init; }

    [JsonPropertyName("timeout")]
    public string Timeout { get; init; } = "5m";

    [JsonPropertyName("targetNamespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TargetNamespace { get; init; }

    [JsonPropertyName("dependsOn")]
    public IReadOnlyList<DependencyReference> DependsOn { get; init; } = [];

    [JsonPropertyName("force")]
    public bool Force { get; init; }

    [JsonPropertyName("allowEmpty")]
    public bool AllowEmpty { get; init; }

    /// <summary>How a path holding a Chart.yaml is rendered; null means every default.</summary>
    [JsonPropertyName("helm")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HelmSpec? Helm { get; init; }

    [JsonPropertyName("suspend")]
    public bool Suspend { get; init; }

    /// <summary>Every write for this GitSync is made as system:serviceaccount:&lt;its namespace&gt;:&lt;this name&gt;.</summary>
    [JsonPropertyName("serviceAccountName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ServiceAccountName { get; init; }

    /// <summary>The kubeconfig of another cluster to apply into; null means the operator's own cluster.</summary>
    [JsonPropertyName("kubeConfig")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KubeConfigReference? KubeConfig { get; init; }
}
