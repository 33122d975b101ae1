using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The revision a GitRepository last fetched.</summary>
public sealed record Artifact
{
    /// <summary>"&lt;branch&gt;@sha1:&lt;sha&gt;", "&lt;tag&gt;@sha1:&lt;sha&gt;" or "sha1:&lt;sha&gt;".</summary>
    [JsonPropertyName("revision")]
    public required string Revision { get; init; }

    [JsonPropertyName("commit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommitInfo? Commit { get; init; }

    [JsonPropertyName("fetchedAt")]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FetchedAt { get; init; }
}
