using System.Text.Json.Serialization;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Api;

public sealed record ImagePolicyStatus
{
    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("latestRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageRef? LatestRef { get; init; }

    [JsonPropertyName("previousRef")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageRef? PreviousRef { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];
}
