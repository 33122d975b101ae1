using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>
/// One applied object: id "&lt;namespace&gt;_&lt;name&gt;_&lt;group&gt;_&lt;Kind&gt;" (empty parts stay empty), its API version, and
/// the hash of what was applied and how the live object looked then (lets the next sync skip it without a request).
/// </summary>
public sealed record InventoryEntry
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("v")]
    public required string Version { get; init; }

    [JsonPropertyName("h")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Hash { get; init; }
}
