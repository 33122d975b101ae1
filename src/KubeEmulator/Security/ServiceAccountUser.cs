namespace KubeEmulator.Security;

/// <summary>The user a ServiceAccount authenticates as, named and grouped as the real server names it.</summary>
public static class ServiceAccountUser
{
    public const string Prefix = "system:serviceaccount:";

    /// <summary>The extra key the real server records a token's id under ("JTI=…").</summary>
    public const string CredentialIdKey = "authentication.kubernetes.io/credential-id";

    public static string Name(string ns, string name) => $"{Prefix}{ns}:{name}";

    /// <summary>The groups every ServiceAccount of a namespace is in.</summary>
    public static IReadOnlyList<string> Groups(string ns) => ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"];

    internal static UserInfo From(ServiceAccountClaims claims) =>
        new(Name(claims.Namespace, claims.Name), claims.Uid, Groups(claims.Namespace),
            new Dictionary<string, IReadOnlyList<string>> { [CredentialIdKey] = [$"JTI={claims.TokenId}"] });
}
