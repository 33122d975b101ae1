using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>Where the markers are looked for, and how they are updated.</summary>
public sealed record UpdateStrategy
{
    public const string Setters = "Setters";

    [JsonPropertyName("path")]
    public string Path { get; init; } = "./";

    [JsonPropertyName("strategy")]
    public string Strategy { get; init; } = Setters;
}
