namespace GitOpsOperator.Source.Cache;

/// <summary>What status.artifact.commit shows of a commit.</summary>
internal sealed record CommitDetails(string Message, string Author, DateTimeOffset Time);
