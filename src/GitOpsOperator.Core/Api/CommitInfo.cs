using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The fetched commit as a person reads it.</summary>
public sealed record CommitInfo
{
    /// <summary>The first line of the commit message.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    /// <summary>"name &lt;email&gt;".</summary>
    [JsonPropertyName("author")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Author { get; init; }

    [JsonPropertyName("time")]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Time { get; init; }
}
