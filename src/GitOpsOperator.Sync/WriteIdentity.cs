namespace GitOpsOperator.Sync;

/// <summary>
/// The user (and groups) a sync's writes are made as, through impersonation; reads stay the operator's own.
/// </summary>
public sealed record WriteIdentity(string User, IReadOnlyList<string> Groups)
{
    private const string ServiceAccountPrefix = "system:serviceaccount:";
    private const string AuthenticatedGroup = "system:authenticated";

    /// <summary>The ServiceAccount's user, system:serviceaccount:NS:NAME, in the groups a server gives it.</summary>
    public static WriteIdentity ServiceAccount(string ns, string name) =>
        new($"{ServiceAccountPrefix}{ns}:{name}", ServiceAccountGroups(ns));

    /// <summary>The ServiceAccount this identity is (namespace and name), or null for any other user.</summary>
    public (string Namespace, string Name)? ServiceAccountName =>
        User.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal) && User[ServiceAccountPrefix.Length..].Split(':') is [{ Length: > 0 } ns, { Length: > 0 } name]
            ? (ns, name)
            : null;

    /// <summary>
    /// The groups to name in Impersonate-Group headers: none for a ServiceAccount in exactly its own groups, because the
    /// server derives those itself when no group is named, and naming them would need <c>impersonate</c> on groups too.
    /// </summary>
    public IReadOnlyList<string> ImpersonatedGroups =>
        ServiceAccountName is { } account && Groups.Order(StringComparer.Ordinal).SequenceEqual(ServiceAccountGroups(account.Namespace).Order(StringComparer.Ordinal))
            ? []
            : Groups;

    public override string ToString() => User;

    private static IReadOnlyList<string> ServiceAccountGroups(string ns) => ["system:serviceaccounts", $"system:serviceaccounts:{ns}", AuthenticatedGroup];
}
