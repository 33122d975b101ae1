using GitOpsOperator.Cli.Arguments;

namespace GitOpsOperator.Cli.Commands;

/// <summary>One <c>kubectl gitops</c> command: its name, help, the flags it takes besides kubectl's, and what it does.</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage line after "kubectl gitops ", e.g. "get [gitsyncs|gitrepositories|images]".</summary>
    string Synopsis { get; }

    /// <summary>What it does, in a few lines, with examples.</summary>
    string Description { get; }

    IReadOnlyList<Flag> Flags { get; }

    /// <summary>Whether it talks to the cluster (and so takes kubectl's --kubeconfig, --context, -n).</summary>
    bool UsesCluster { get; }

    Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken);
}
