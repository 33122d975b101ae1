using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Which GitSync: its namespace and name, as the work queue holds it.</summary>
public sealed record GitSyncKey(string Namespace, string Name)
{
    public static GitSyncKey Of(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        return new(gitSync.Metadata.NamespaceProperty ?? "", gitSync.Metadata.Name ?? "");
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
