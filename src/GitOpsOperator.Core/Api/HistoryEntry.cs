using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>One attempted revision and what it did to the cluster.</summary>
public sealed record HistoryEntry
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    [JsonPropertyName("revision")]
    public required string Revision { get; init; }

    [JsonPropertyName("startedAt")]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StartedAt { get; init; }

    [JsonPropertyName("finishedAt")]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary><see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
    [JsonPropertyName("result")]
    public required string Result { get; init; }

    [JsonPropertyName("created")]
    public int Created { get; init; }

    [JsonPropertyName("configured")]
    public int Configured { get; init; }

    [JsonPropertyName("unchanged")]
    public int Unchanged { get; init; }

    [JsonPropertyName("pruned")]
    public int Pruned { get; init; }

    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}
