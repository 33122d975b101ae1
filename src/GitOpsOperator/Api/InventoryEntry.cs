using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>One applied object: id "&lt;namespace&gt;_&lt;name&gt;_&lt;group&gt;_&lt;Kind&gt;" (empty parts stay empty) and its API version.</summary>
public sealed record InventoryEntry
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("v")]
    public required string Version { get; init; }
}
