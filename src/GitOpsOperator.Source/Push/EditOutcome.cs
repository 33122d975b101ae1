namespace GitOpsOperator.Source.Push;

/// <summary>What an edit of the work tree did: the commit message for its changes, or null when nothing changed.</summary>
public sealed record EditOutcome(string? Message)
{
    public static readonly EditOutcome NoChange = new((string?)null);

    public bool Changed => Message is not null;
}
