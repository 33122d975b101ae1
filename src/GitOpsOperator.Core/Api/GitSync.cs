using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

/// <summary>One path of a GitRepository, applied to the cluster and kept there.</summary>
[KubernetesEntity(Group = GitOpsApi.Group, ApiVersion = GitOpsApi.Version, Kind = GitOpsApi.GitSyncKind, PluralName = GitOpsApi.GitSyncPlural)]
public sealed class GitSync : IKubernetesObject<V1ObjectMeta>, ISpec<GitSyncSpec>, IStatus<GitSyncStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.GitSyncKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GitSyncSpec Spec { get; set; } = new() { SourceRef = new() { Name = "" } };

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GitSyncStatus? Status { get; set; }
}
