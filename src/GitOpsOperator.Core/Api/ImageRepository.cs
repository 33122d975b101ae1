using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

/// <summary>An image repository of a registry, scanned for its tags.</summary>
[KubernetesEntity(Group = GitOpsApi.Group, ApiVersion = GitOpsApi.Version, Kind = GitOpsApi.ImageRepositoryKind, PluralName = GitOpsApi.ImageRepositoryPlural)]
public sealed class ImageRepository : IKubernetesObject<V1ObjectMeta>, ISpec<ImageRepositorySpec>, IStatus<ImageRepositoryStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.ImageRepositoryKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ImageRepositorySpec Spec { get; set; } = new() { Image = "" };

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageRepositoryStatus? Status { get; set; }
}
