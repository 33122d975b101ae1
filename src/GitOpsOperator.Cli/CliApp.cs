using System.Text;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Commands;

namespace GitOpsOperator.Cli;

/// <summary>
/// <c>kubectl gitops</c>: finds the command, parses its flags, runs it; any failure is one line on standard error,
/// <c>error: &lt;reason&gt;: &lt;message&gt;</c>, with exit code 1 or 2 (API.md).
/// </summary>
public static class CliApp
{
    public static readonly IReadOnlyList<ICliCommand> Commands =
    [
        new GetCommand(), new ReconcileCommand(), new SuspendCommand(suspend: true), new SuspendCommand(suspend: false),
        new DiffCommand(), new BuildCommand(), new TreeCommand(), new HistoryCommand(), new TraceCommand(),
        new SandboxCliCommand(), new VersionCommand(),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(terminal);
        try
        {
            if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
            {
                await terminal.Out.WriteAsync(RootHelp()).ConfigureAwait(false);
                return ExitCodes.Done;
            }

            var command = Commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw CliException.Usage($"unknown command \"{args[0]}\"; run kubectl gitops --help for the list");
            var parsed = ParsedArguments.Parse(args.Skip(1).ToList(), AcceptedFlags(command));
            if (parsed.Has(Flag.Help))
            {
                await terminal.Out.WriteAsync(Help(command)).ConfigureAwait(false);
                return ExitCodes.Done;
            }

            using var invocation = new Invocation(parsed, terminal);
            return await command.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException error)
        {
            await terminal.Error.WriteLineAsync(error.Line).ConfigureAwait(false);
            return error.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await terminal.Error.WriteLineAsync("error: Interrupted: stopped by the user").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    public static IReadOnlyList<Flag> AcceptedFlags(ICliCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return [.. command.Flags, .. command.UsesCluster ? Flag.Cluster : [], Flag.Help];
    }

    public static string RootHelp()
    {
        var text = new StringBuilder();
        text.Append("""
            kubectl gitops: day-two commands for GitOpsOperator (GitRepository, GitSync and the image automation kinds).

            Usage:
              kubectl gitops COMMAND [flags]

            Commands:

            """);
        var width = Commands.Max(c => c.Name.Length) + 3;
        foreach (var command in Commands)
        {
            text.Append("  ").Append(command.Name.PadRight(width)).AppendLine(command.Summary);
        }

        text.Append("""

            kubectl's flags go after the command: --kubeconfig, --context, -n NAMESPACE (and KUBECONFIG).
            Exit codes: 0 done (diff: no change), 1 failed, timed out, refused, or diff found changes;
            2 usage error, object not found, cluster unreachable, or the path cannot be rendered.
            Run "kubectl gitops COMMAND --help" for a command's flags.

            """);
        return text.ToString();
    }

    public static string Help(ICliCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var flags = AcceptedFlags(command);
        var width = flags.Max(f => f.Usage.Length) + 3;
        var text = new StringBuilder()
            .AppendLine(command.Summary)
            .AppendLine()
            .AppendLine("Usage:")
            .Append("  kubectl gitops ").AppendLine(command.Synopsis)
            .AppendLine()
            .AppendLine(command.Description.TrimEnd())
            .AppendLine()
            .AppendLine("Flags:");
        foreach (var flag in flags)
        {
            text.Append("  ").Append(flag.Usage.PadRight(width)).AppendLine(flag.Description);
        }

        return text.ToString();
    }
}
