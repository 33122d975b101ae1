using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Sandbox;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>sandbox</c>: the whole GitOps loop on this machine (<see cref="SandboxCommand"/>).</summary>
public sealed class SandboxCliCommand : ICliCommand
{
    public string Name => SandboxCommand.Name;

    public string Summary => "Run an emulated cluster, a sample config repository and the operator on this machine";

    public string Synopsis => "sandbox";

    public string Description => SandboxCommand.Description;

    public IReadOnlyList<Flag> Flags => [];

    public bool UsesCluster => false;

    public Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return SandboxCommand.RunAsync(invocation.Args.Positionals, invocation.Terminal.Out, invocation.Terminal.Error, cancellationToken);
    }
}
