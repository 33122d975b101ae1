using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Output;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>history gitsync NAME</c>: the revisions the GitSync attempted, newest first (status.history).</summary>
public sealed class HistoryCommand : ICliCommand
{
    public string Name => "history";

    public string Summary => "Show the revisions a GitSync attempted, newest first";

    public string Synopsis => "history gitsync NAME [-o json|yaml]";

    public string Description => """
        One row per attempted revision (at most 10): result, counts of created, configured, unchanged and pruned
        objects, when it started, and the message.

        Example:
          kubectl gitops history gitsync demo -n gitops-system
        """;

    public IReadOnlyList<Flag> Flags => [Flag.Output];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var output = ObjectOutput.From(invocation.Args);
        var sync = await GitSyncLookup.FromArgumentsAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (output is not null)
        {
            output.Write(invocation.Terminal.Out, sync.Json["status"]?["history"]?.DeepClone() ?? new JsonArray());
            return ExitCodes.Done;
        }

        var history = sync.GitSync.Status?.History ?? [];
        if (history.Count == 0)
        {
            await invocation.Terminal.Error.WriteLineAsync($"No history yet for GitSync {sync.Namespace}/{sync.Name}.").ConfigureAwait(false);
            return ExitCodes.Done;
        }

        var now = DateTimeOffset.UtcNow;
        Table.Write(
            invocation.Terminal.Out,
            ["REVISION", "RESULT", "CREATED", "CONFIGURED", "UNCHANGED", "PRUNED", "STARTED", "MESSAGE"],
            [.. history.Select(h => (IReadOnlyList<string>)
            [
                h.Revision, h.Result, Number(h.Created), Number(h.Configured), Number(h.Unchanged), Number(h.Pruned),
                Age.Since(h.StartedAt, now) + " ago", h.Message ?? "",
            ])]);
        return ExitCodes.Done;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
