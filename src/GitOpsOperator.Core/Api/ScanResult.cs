using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>What the last scan found: when the tag set last changed, how many tags, the highest ten.</summary>
public sealed record ScanResult
{
    [JsonPropertyName("scanTime")]
    [JsonConverter(typeof(Rfc3339TimeConverter))]
    public DateTimeOffset ScanTime { get; init; }

    [JsonPropertyName("tagCount")]
    public int TagCount { get; init; }

    [JsonPropertyName("latestTags")]
    public IReadOnlyList<string> LatestTags { get; init; } = [];
}
