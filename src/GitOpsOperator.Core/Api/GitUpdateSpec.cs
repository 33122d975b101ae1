using System.Text.Json.Serialization;

namespace GitOpsOperator.Api;

/// <summary>The branch an ImageUpdateAutomation edits, the branch it pushes to, and its commits.</summary>
public sealed record GitUpdateSpec
{
    [JsonPropertyName("checkout")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BranchReference? Checkout { get; init; }

    [JsonPropertyName("push")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BranchReference? Push { get; init; }

    [JsonPropertyName("commit")]
    public CommitSpec Commit { get; init; } = new();
}
