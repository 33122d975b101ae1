namespace KubeEmulator.Security;

/// <summary>How a ServiceAccount appears as a user: system:serviceaccount:NS:NAME, in its fixed groups.</summary>
public static class ServiceAccountUser
{
    private const string Prefix = "system:serviceaccount:";

    /// <summary>The extra key the real server records a token's id under ("JTI=…").</summary>
    public const string CredentialIdKey = "authentication.kubernetes.io/credential-id";

    public static string Name(string ns, string name) => $"{Prefix}{ns}:{name}";

    /// <summary>Whether the user name is that ServiceAccount's, compared without building the name.</summary>
    public static bool Is(string userName, string ns, string name) =>
        userName.Length == Prefix.Length + ns.Length + 1 + name.Length
        && userName.StartsWith(Prefix, StringComparison.Ordinal)
        && string.CompareOrdinal(userName, Prefix.Length, ns, 0, ns.Length) == 0
        && userName[Prefix.Length + ns.Length] == ':'
        && userName.EndsWith(name, StringComparison.Ordinal);

    /// <summary>
    /// The groups every ServiceAccount of a namespace is in; authentication (a token, or impersonation) adds
    /// system:authenticated, as the real server does.
    /// </summary>
    public static IReadOnlyList<string> Groups(string ns) => ["system:serviceaccounts", $"system:serviceaccounts:{ns}"];

    /// <summary>The namespace and name of a ServiceAccount user name; false for any other user.</summary>
    public static bool TrySplit(string userName, out string ns, out string name)
    {
        (ns, name) = ("", "");
        if (!userName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = userName[Prefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        (ns, name) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>The user a valid ServiceAccount token authenticates as.</summary>
    internal static UserInfo From(ServiceAccountClaims claims) =>
        new(Name(claims.Namespace, claims.Name), claims.Uid, [.. Groups(claims.Namespace), UserInfo.AuthenticatedGroup],
            new Dictionary<string, IReadOnlyList<string>> { [CredentialIdKey] = [$"JTI={claims.TokenId}"] });
}
