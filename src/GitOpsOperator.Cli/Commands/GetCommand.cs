using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Output;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>get [gitsyncs|gitrepositories|images]</c>: tables as kubectl prints them, or the objects with -o.</summary>
public sealed class GetCommand : ICliCommand
{
    private static readonly IReadOnlyList<GitOpsKind> Images = [GitOpsKind.ImageRepository, GitOpsKind.ImagePolicy, GitOpsKind.ImageUpdateAutomation];

    public string Name => "get";

    public string Summary => "List GitSyncs, GitRepositories or the image automation objects";

    public string Synopsis => "get [gitsyncs|gitrepositories|images] [-A] [-o json|yaml]";

    public string Description => """
        Without a kind, lists GitSyncs and GitRepositories; "images" lists ImageRepositories, ImagePolicies and
        ImageUpdateAutomations (kinds the cluster does not serve yet list as empty).

        Examples:
          kubectl gitops get -A
          kubectl gitops get gitsyncs -n gitops-system -o yaml
        """;

    public IReadOnlyList<Flag> Flags => [Flag.AllNamespaces, Flag.Output];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        invocation.AtMost(1);
        var output = ObjectOutput.From(invocation.Args);
        var kinds = invocation.Args.Positionals.FirstOrDefault() switch
        {
            null => [GitOpsKind.GitSync, GitOpsKind.GitRepository],
            "images" => Images,
            var word => [GitOpsKind.Require(word, GitOpsKind.All)],
        };
        var ns = invocation.Args.Has(Flag.AllNamespaces) ? null : invocation.Cluster.Namespace;
        var listed = new List<(GitOpsKind Kind, IReadOnlyList<JsonObject> Items)>();
        foreach (var kind in kinds)
        {
            listed.Add((kind, await ListAsync(invocation.Cluster, kind, ns, cancellationToken).ConfigureAwait(false)));
        }

        var terminal = invocation.Terminal;
        if (output is not null)
        {
            output.Write(terminal.Out, ObjectOutput.List(listed.SelectMany(l => l.Items)));
            return ExitCodes.Done;
        }

        if (listed.All(l => l.Items.Count == 0))
        {
            await terminal.Error.WriteLineAsync(ns is null ? "No resources found" : $"No resources found in {ns} namespace.").ConfigureAwait(false);
            return ExitCodes.Done;
        }

        var first = true;
        foreach (var (kind, items) in listed.Where(l => l.Items.Count > 0))
        {
            if (!first)
            {
                await terminal.Out.WriteLineAsync().ConfigureAwait(false);
            }

            first = false;
            WriteTable(terminal.Out, kind, items, prefix: kinds.Count > 1, allNamespaces: ns is null);
        }

        return ExitCodes.Done;
    }

    /// <summary>The kind's objects (with kind and apiVersion set, as kubectl shows them); none when the cluster does not serve the kind.</summary>
    private static async Task<IReadOnlyList<JsonObject>> ListAsync(ClusterSession cluster, GitOpsKind kind, string? ns, CancellationToken cancellationToken)
    {
        var list = await cluster.FindAsync(kind.Type.CollectionPath(ns), cancellationToken).ConfigureAwait(false);
        var items = (list?["items"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var item in items)
        {
            item["apiVersion"] = GitOpsApi.ApiVersion;
            item["kind"] = kind.Kind;
        }

        return items;
    }

    private static void WriteTable(TextWriter output, GitOpsKind kind, IReadOnlyList<JsonObject> items, bool prefix, bool allNamespaces)
    {
        var columns = KindColumns.For(kind);
        var now = DateTimeOffset.UtcNow;
        List<string> headers = [.. allNamespaces ? ["NAMESPACE"] : Array.Empty<string>(), "NAME", .. columns.Select(c => c.Header), "AGE"];
        var rows = items
            .OrderBy(o => Fields.Text(o, "metadata", "namespace"), StringComparer.Ordinal)
            .ThenBy(o => Fields.Text(o, "metadata", "name"), StringComparer.Ordinal)
            .Select(o => (IReadOnlyList<string>)
            [
                .. allNamespaces ? [Fields.Text(o, "metadata", "namespace")] : Array.Empty<string>(),
                (prefix ? kind.Resource + "/" : "") + Fields.Text(o, "metadata", "name"),
                .. columns.Select(c => c.Value(o)),
                Age.Since(Fields.Time(o, "metadata", "creationTimestamp"), now),
            ]);
        Table.Write(output, headers, [.. rows]);
    }
}
