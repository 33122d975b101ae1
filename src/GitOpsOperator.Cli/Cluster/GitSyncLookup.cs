using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using k8s;

namespace GitOpsOperator.Cli.Cluster;

/// <summary>A GitSync as the server has it: its JSON (for -o) and its typed form (spec, status, inventory).</summary>
public sealed record GitSyncLookup(JsonObject Json, GitSync GitSync)
{
    /// <summary>Takes "gitsync NAME" from the positionals; the GitSync, or NotFound.</summary>
    public static async Task<GitSyncLookup> FromArgumentsAsync(Commands.Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        GitOpsKind.Require(invocation.Positional(0, "kind (gitsync)"), [GitOpsKind.GitSync]);
        var name = invocation.Positional(1, "name");
        invocation.AtMost(2);
        return await GetAsync(invocation.Cluster, invocation.Cluster.Namespace, name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<GitSyncLookup> GetAsync(ClusterSession cluster, string ns, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var kind = GitOpsKind.GitSync;
        var json = await cluster.GetAsync(kind.Type.ObjectPath(ns, name), kind.Describe(ns, name), cancellationToken).ConfigureAwait(false);
        return new GitSyncLookup(json, KubernetesJson.Deserialize<GitSync>(json.ToJsonString()));
    }

    public string Namespace => GitSync.Metadata.NamespaceProperty;

    public string Name => GitSync.Metadata.Name;
}
