using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Api;

public sealed class ImageUpdateAutomationList : IKubernetesObject<V1ListMeta>, IItems<ImageUpdateAutomation>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GitOpsApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GitOpsApi.ImageUpdateAutomationKind + "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ImageUpdateAutomation> Items { get; set; } = [];
}
