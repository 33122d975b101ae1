using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    private static readonly ResourceType ServiceAccounts = new(new GroupVersionKind("", "v1", "ServiceAccount"), "serviceaccounts", true);

    /// <summary>
    /// Looks up (as the operator, on the cluster written to) the ServiceAccount the writes are made as: a server would
    /// impersonate a name that does not exist, so a missing one must be refused here. Returns why the sync may not write,
    /// or null when the identity is the operator, another user, or a ServiceAccount that exists.
    /// </summary>
    private async Task<SyncFailure?> MissingWriterAsync(WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        if (writeAs?.ServiceAccountName is not { } account)
        {
            return null;
        }

        var (ns, name) = account;
        var identity = new ObjectIdentity("", "ServiceAccount", ns, name);
        var found = await api.SendAsync(HttpMethod.Get, ServiceAccounts.ObjectPath(ns, name), null, null, cancellationToken);
        return found switch
        {
            { IsSuccess: true } => null,
            { IsNotFound: true } => new SyncFailure(SyncOutcome.AccessDenied, identity, null, $"not found: every write of this GitSync is made as {writeAs.User}"),
            { IsForbidden: true } => new SyncFailure(SyncOutcome.AccessDenied, identity, null, $"the operator may not look up the ServiceAccount it writes as: {found.Message}"),
            _ => new SyncFailure(SyncOutcome.ApplyFailed, identity, null, $"looking up the ServiceAccount failed: {found.Message}"),
        };
    }
}
