using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

/// <summary>Writes the tags its ImagePolicies select into the marked fields of a GitRepository's files, commits and pushes.</summary>
[KubernetesEntity(Group = GitOpsApi.Group, ApiVersion = GitOpsApi.Version, Kind = GitOpsApi.ImageUpdateAutomationKind, PluralName = GitOpsApi.ImageUpdateAutomationPlural)]
public sealed class ImageUpdateAutomation : IKubernetesObject<V1ObjectMeta>, ISpec<ImageUpdateAutomationSpec>, IStatus<ImageUpdateAutomationStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.ImageUpdateAutomationKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ImageUpdateAutomationSpec Spec { get; set; } = new() { SourceRef = new() { Name = "" } };

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageUpdateAutomationStatus? Status { get; set; }
}
