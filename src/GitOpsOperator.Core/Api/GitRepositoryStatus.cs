using System.Text.Json.Serialization;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Api;

public sealed record GitRepositoryStatus
{
    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("artifact")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Artifact? Artifact { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    [JsonPropertyName("lastHandledReconcileAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastHandledReconcileAt { get; init; }
}
