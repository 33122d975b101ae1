namespace KubeEmulator.Security;

/// <summary>
/// What authorization decides on, as the real server's authorizer.Attributes: who, which verb, and either a resource
/// (group, resource, subresource, namespace, name) or a non-resource path. Empty strings mean "none".
/// </summary>
internal sealed record RequestAttributes(
    UserInfo User,
    string Verb,
    bool IsResourceRequest,
    string Path = "",
    string Group = "",
    string Version = "",
    string Resource = "",
    string Subresource = "",
    string Namespace = "",
    string Name = "")
{
    /// <summary>"deployments" or "deployments/scale", as RBAC rules name it.</summary>
    public string CombinedResource => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";

    public static RequestAttributes NonResource(UserInfo user, string verb, string path) => new(user, verb, false, Path: path);
}
