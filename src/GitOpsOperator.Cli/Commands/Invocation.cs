using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;

namespace GitOpsOperator.Cli.Commands;

/// <summary>A command's parsed arguments, where it writes, and its cluster (connected on first use).</summary>
public sealed class Invocation(ParsedArguments args, Terminal terminal) : IDisposable
{
    private ClusterSession? cluster;

    public ParsedArguments Args { get; } = args;

    public Terminal Terminal { get; } = terminal;

    public ClusterSession Cluster => cluster ??= ClusterSession.Open(Args);

    /// <summary>The positional argument at the index, or a usage error naming what is missing.</summary>
    public string Positional(int index, string what) =>
        index < Args.Positionals.Count ? Args.Positionals[index] : throw CliException.Usage($"missing {what} (see --help)");

    /// <summary>A usage error when more positional arguments came than the command takes.</summary>
    public void AtMost(int count)
    {
        if (Args.Positionals.Count > count)
        {
            throw CliException.Usage($"unexpected argument \"{Args.Positionals[count]}\" (see --help)");
        }
    }

    public void Dispose() => cluster?.Dispose();
}
