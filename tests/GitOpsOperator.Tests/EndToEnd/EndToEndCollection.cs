namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests each run a cluster, the operator and a git daemon; they run one at a time so a loaded machine
/// does not run several of those stacks at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    public const string Name = "end to end";
}
