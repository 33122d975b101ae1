using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Which repository and branch to release into, and how to commit; defaults as the CRD sets them.</summary>
public sealed record ImageUpdateAutomationSpec
{
    [JsonPropertyName("sourceRef")]
    public required SourceReference SourceRef { get; init; }

    [JsonPropertyName("interval")]
    public string Interval { get; init; } = "1m";

    [JsonPropertyName("git")]
    public GitUpdateSpec Git { get; init; } = new();

    [JsonPropertyName("update")]
    public UpdateStrategy Update { get; init; } = new();

    [JsonPropertyName("suspend")]
    public bool Suspend { get; init; }
}
