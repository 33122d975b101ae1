using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Which tag of an ImageRepository to choose; defaults as the CRD sets them.</summary>
public sealed record ImagePolicySpec
{
    [JsonPropertyName("imageRepositoryRef")]
    public required NamedReference ImageRepositoryRef { get; init; }

    [JsonPropertyName("policy")]
    public required TagPolicy Policy { get; init; }

    [JsonPropertyName("filterTags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TagFilter? FilterTags { get; init; }

    [JsonPropertyName("allowDowngrade")]
    public bool AllowDowngrade { get; init; }

    [JsonPropertyName("suspend")]
    public bool Suspend { get; init; }
}
