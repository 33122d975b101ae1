using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The author (and committer) of the automation's commits.</summary>
public sealed record CommitAuthor
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "gitops-operator";

    [JsonPropertyName("email")]
    public string Email { get; init; } = "gitops-operator@localhost";
}
