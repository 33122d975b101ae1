namespace KubeEmulator.Security;

/// <summary>
/// Who a request is from, as the real server's authentication layer hands it to authorization: a user name,
/// an optional uid, groups and extra attributes (after impersonation, the impersonated identity).
/// </summary>
public sealed record UserInfo(
    string Name,
    string? Uid,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    /// <summary>The group every authenticated user is in.</summary>
    public const string AuthenticatedGroup = "system:authenticated";

    /// <summary>The group of requests without credentials.</summary>
    public const string UnauthenticatedGroup = "system:unauthenticated";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoExtra = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The kubeconfig's admin: user kubernetes-admin in system:masters.</summary>
    public static UserInfo Admin { get; } = new("kubernetes-admin", null, ["system:masters", AuthenticatedGroup], NoExtra);

    /// <summary>A request with no credentials on a server that allows anonymous requests.</summary>
    public static UserInfo Anonymous { get; } = new("system:anonymous", null, [UnauthenticatedGroup], NoExtra);
}
