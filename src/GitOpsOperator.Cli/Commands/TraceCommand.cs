using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Output;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>trace KIND NAME</c>: which GitSync manages an object, from which source, at which revision.</summary>
public sealed class TraceCommand : ICliCommand
{
    public string Name => "trace";

    public string Summary => "Show which GitSync manages an object, from which source and revision";

    public string Synopsis => "trace KIND NAME [-n NAMESPACE]";

    public string Description => """
        KIND as kubectl accepts it: deployment, deployments.apps, deploy, Deployment. Reads the object's owner labels,
        then the GitSync (is the object in its inventory?) and its GitRepository. Exit 1 when no GitSync manages it.

        Example:
          kubectl gitops trace deployment demo -n demo
        """;

    public IReadOnlyList<Flag> Flags => [];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var word = invocation.Positional(0, "kind");
        var name = invocation.Positional(1, "name");
        invocation.AtMost(2);
        var cluster = invocation.Cluster;
        var resource = await ResourceResolver.ResolveAsync(cluster, word, cancellationToken).ConfigureAwait(false);
        var ns = resource.Namespaced ? cluster.Namespace : "";
        var what = resource.Namespaced ? $"{resource.Type.Kind} {ns}/{name}" : $"{resource.Type.Kind} {name}";
        var live = await cluster.GetAsync(resource.ObjectPath(ns, name), what, cancellationToken).ConfigureAwait(false);
        var owner = GitSyncOwner.Of(live)
            ?? throw CliException.Failed("NotManaged", $"{what} is not managed by any GitSync (it carries no {GitSyncOwner.NameLabel} label)");

        var sync = await GitSyncLookup.GetAsync(cluster, owner.Namespace, owner.Name, cancellationToken).ConfigureAwait(false);
        var listed = InventoryMapping.ToRecords(sync.GitSync.Status?.Inventory)
            .Any(r => r.Identity == new Manifests.ObjectIdentity(resource.Type.Group, resource.Type.Kind, ns, name));
        var sourceRef = sync.GitSync.Spec.SourceRef;
        var sourceNs = string.IsNullOrEmpty(sourceRef.Namespace) ? sync.Namespace : sourceRef.Namespace;
        var source = await cluster.FindAsync(GitOpsKind.GitRepository.Type.ObjectPath(sourceNs, sourceRef.Name), cancellationToken).ConfigureAwait(false);

        var lines = new List<(string Label, string Value)>
        {
            ("Object:", $"{what} ({resource.Type.ApiVersion})"),
            ("GitSync:", $"{sync.Namespace}/{sync.Name}"),
            ("  Path:", sync.GitSync.Spec.Path),
            ("  Revision:", sync.GitSync.Status?.LastAppliedRevision ?? "(none applied yet)"),
            ("  Ready:", ReadyLine(sync.Json)),
            ("  Inventory:", listed ? "listed" : "NOT listed: labelled for this GitSync but not in its inventory"),
            ("GitRepository:", $"{sourceNs}/{sourceRef.Name}"),
            ("  URL:", source is null ? "(not found)" : Fields.Text(source, "spec", "url")),
            ("  Revision:", Fields.Text(source, "status", "artifact", "revision")),
            ("  Ready:", ReadyLine(source)),
        };
        var width = lines.Max(l => l.Label.Length) + 1;
        foreach (var (label, value) in lines)
        {
            await invocation.Terminal.Out.WriteLineAsync((label.PadRight(width) + value).TrimEnd()).ConfigureAwait(false);
        }

        return ExitCodes.Done;
    }

    private static string ReadyLine(JsonObject? obj)
    {
        var ready = Fields.Condition(obj, ConditionTypes.Ready);
        return ready is null ? "" : $"{Fields.Text(ready, "status")} ({Fields.Text(ready, "reason")}): {Fields.Text(ready, "message")}";
    }
}
