using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

public sealed class GitRepositoryList : IKubernetesObject<V1ListMeta>, IItems<GitRepository>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.GitRepositoryKind + "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<GitRepository> Items { get; set; } = [];
}
