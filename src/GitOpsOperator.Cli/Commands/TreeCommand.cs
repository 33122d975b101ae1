using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Output;
using GitOpsOperator.Controllers.GitSyncs;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>tree gitsync NAME</c>: the objects the GitSync applied (its status.inventory).</summary>
public sealed class TreeCommand : ICliCommand
{
    public string Name => "tree";

    public string Summary => "Show the objects a GitSync manages (its inventory)";

    public string Synopsis => "tree gitsync NAME [-o json|yaml]";

    public string Description => """
        Lists status.inventory: every object the GitSync applied and will prune when it leaves git (with prune: true).

        Example:
          kubectl gitops tree gitsync demo -n gitops-system
        """;

    public IReadOnlyList<Flag> Flags => [Flag.Output];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var output = ObjectOutput.From(invocation.Args);
        var sync = await GitSyncLookup.FromArgumentsAsync(invocation, cancellationToken).ConfigureAwait(false);
        var records = InventoryMapping.ToRecords(sync.GitSync.Status?.Inventory);
        var writer = invocation.Terminal.Out;
        if (output is not null)
        {
            output.Write(writer, sync.Json["status"]?["inventory"]?.DeepClone() ?? new JsonObject { ["entries"] = new JsonArray() });
            return ExitCodes.Done;
        }

        await writer.WriteLineAsync($"GitSync/{sync.Namespace}/{sync.Name}").ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
        {
            var branch = i == records.Count - 1 ? "└── " : "├── ";
            await writer.WriteLineAsync(branch + records[i].Entry).ConfigureAwait(false);
        }

        return ExitCodes.Done;
    }
}
