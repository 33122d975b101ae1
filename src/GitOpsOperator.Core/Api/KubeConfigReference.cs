using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Where the kubeconfig of another cluster to apply into is kept: a key of a Secret in the GitSync's namespace.</summary>
public sealed record KubeConfigReference
{
    [JsonPropertyName("secretRef")]
    public required SecretKeyReference SecretRef { get; init; }
}
