using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

/// <summary>Chooses one tag of an ImageRepository: the release an ImageUpdateAutomation writes into git.</summary>
[KubernetesEntity(Group = GitOpsApi.Group, ApiVersion = GitOpsApi.Version, Kind = GitOpsApi.ImagePolicyKind, PluralName = GitOpsApi.ImagePolicyPlural)]
public sealed class ImagePolicy : IKubernetesObject<V1ObjectMeta>, ISpec<ImagePolicySpec>, IStatus<ImagePolicyStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.ImagePolicyKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ImagePolicySpec Spec { get; set; } = new() { ImageRepositoryRef = new() { Name = "" }, Policy = new() };

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImagePolicyStatus? Status { get; set; }
}
