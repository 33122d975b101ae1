namespace GitOpsOperator.Source;

/// <summary>A failure a person can act on: the reason of API.md and a message that never holds a secret.</summary>
public sealed record SourceFailure(FailureReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
