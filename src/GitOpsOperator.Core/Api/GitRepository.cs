using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

/// <summary>A git remote and the revision of it to follow; fetched once and shared by every GitSync pointing at it.</summary>
[KubernetesEntity(Group = GitOpsApi.Group, ApiVersion = GitOpsApi.Version, Kind = GitOpsApi.GitRepositoryKind, PluralName = GitOpsApi.GitRepositoryPlural)]
public sealed class GitRepository : IKubernetesObject<V1ObjectMeta>, ISpec<GitRepositorySpec>, IStatus<GitRepositoryStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.GitRepositoryKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GitRepositorySpec Spec { get; set; } = new() { Url = "" };

    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GitRepositoryStatus? Status { get; set; }
}
