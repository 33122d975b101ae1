using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Who a GitSync's writes are made as (spec.serviceAccountName, else --default-service-account, in the GitSync's own
/// namespace; else the operator itself) and, under --no-cross-namespace-refs, which reference it may not make.
/// </summary>
public sealed record GitSyncTenancy(string? DefaultServiceAccount, bool NoCrossNamespaceRefs)
{
    public static GitSyncTenancy From(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(string.IsNullOrEmpty(options.DefaultServiceAccount) ? null : options.DefaultServiceAccount, options.NoCrossNamespaceRefs);
    }

    /// <summary>The ServiceAccount identity every write for this GitSync is made as; null: the operator's own.</summary>
    public WriteIdentity? WriteAs(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        var name = string.IsNullOrEmpty(gitSync.Spec.ServiceAccountName) ? DefaultServiceAccount : gitSync.Spec.ServiceAccountName;
        return name is null ? null : WriteIdentity.ServiceAccount(gitSync.Metadata.NamespaceProperty ?? "", name);
    }

    /// <summary>Under --no-cross-namespace-refs, why the GitSync is refused (its first reference into another namespace); else null.</summary>
    public string? RefusedReference(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        if (!NoCrossNamespaceRefs)
        {
            return null;
        }

        var own = gitSync.Metadata.NamespaceProperty ?? "";
        var source = gitSync.Spec.SourceRef;
        if (IsElsewhere(source.Namespace, own))
        {
            return $"spec.sourceRef {source.Kind} {source.Namespace}/{source.Name} is in another namespace; cross-namespace references are not allowed (--no-cross-namespace-refs)";
        }

        return gitSync.Spec.DependsOn.FirstOrDefault(d => IsElsewhere(d.Namespace, own)) is { } dependency
            ? $"spec.dependsOn GitSync {dependency.Namespace}/{dependency.Name} is in another namespace; cross-namespace references are not allowed (--no-cross-namespace-refs)"
            : null;
    }

    private static bool IsElsewhere(string? referenced, string own) => !string.IsNullOrEmpty(referenced) && referenced != own;
}
