namespace GitOpsOperator.Source.Push;

/// <summary>The author and committer of a release commit.</summary>
public sealed record CommitAuthor(string Name, string Email)
{
    public override string ToString() => $"{Name} <{Email}>";
}
