namespace GitOpsOperator.Source.Cache;

/// <summary>What status.artifact.commit shows of a commit.</summary>
public sealed record CommitDetails(string Message, string Author, DateTimeOffset Time);
