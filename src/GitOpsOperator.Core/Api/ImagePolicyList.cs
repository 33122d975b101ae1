using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

public sealed class ImagePolicyList : IKubernetesObject<V1ListMeta>, IItems<ImagePolicy>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.ImagePolicyKind + "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ImagePolicy> Items { get; set; } = [];
}
