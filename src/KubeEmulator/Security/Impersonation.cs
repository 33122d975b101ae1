using KubeEmulator.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Security;

/// <summary>
/// Impersonate-User, -Group, -Uid and -Extra-* headers, as the real server's impersonation filter handles them:
/// each impersonated value needs the <c>impersonate</c> verb on users (or the ServiceAccount), groups, uids or
/// userextras/KEY, and the request then runs as the impersonated user.
/// </summary>
internal sealed class Impersonation(Authorizer authorizer)
{
    public const string UserHeader = "Impersonate-User";
    public const string GroupHeader = "Impersonate-Group";
    public const string UidHeader = "Impersonate-Uid";
    public const string ExtraHeaderPrefix = "Impersonate-Extra-";

    private const string AuthenticationGroup = "authentication.k8s.io";

    /// <summary>The user the request runs as: the impersonated one when the headers ask for it and it is allowed.</summary>
    public UserInfo Apply(HttpRequest request, UserInfo requestor)
    {
        var userName = request.Headers[UserHeader].ToString();
        var groups = request.Headers[GroupHeader].Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).ToList();
        var uid = request.Headers[UidHeader].ToString();
        var extra = Extras(request);
        if (userName.Length == 0)
        {
            return groups.Count > 0 || uid.Length > 0 || extra.Count > 0
                ? throw new ApiException(500, "InternalError", "Internal error occurred: requested impersonation of groups, extra or uid without impersonating a user")
                : requestor;
        }

        var isServiceAccount = ServiceAccountUser.TrySplit(userName, out var saNamespace, out var saName);
        authorizer.Require(isServiceAccount
            ? new RequestAttributes(requestor, "impersonate", true, Version: "v1", Resource: "serviceaccounts", Namespace: saNamespace, Name: saName)
            : new RequestAttributes(requestor, "impersonate", true, Version: "v1", Resource: "users", Name: userName));
        foreach (var group in groups)
        {
            authorizer.Require(new RequestAttributes(requestor, "impersonate", true, Version: "v1", Resource: "groups", Name: group));
        }

        foreach (var (key, values) in extra)
        {
            foreach (var value in values)
            {
                authorizer.Require(new RequestAttributes(requestor, "impersonate", true, Group: AuthenticationGroup, Version: "v1", Resource: "userextras", Subresource: key, Name: value));
            }
        }

        if (uid.Length > 0)
        {
            authorizer.Require(new RequestAttributes(requestor, "impersonate", true, Group: AuthenticationGroup, Version: "v1", Resource: "uids", Name: uid));
        }

        var allGroups = isServiceAccount && groups.Count == 0 ? [.. ServiceAccountUser.Groups(saNamespace)] : groups;
        var implicitGroup = userName == UserInfo.Anonymous.Name ? UserInfo.UnauthenticatedGroup : UserInfo.AuthenticatedGroup;
        if (!allGroups.Contains(implicitGroup))
        {
            allGroups.Add(implicitGroup);
        }

        return new UserInfo(userName, uid.Length > 0 ? uid : null, allGroups, extra);
    }

    /// <summary>Impersonate-Extra-KEY headers: the key lower-cased and percent-decoded, as the real server reads it.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Extras(HttpRequest request) =>
        request.Headers
            .Where(h => h.Key.StartsWith(ExtraHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(
                h => Uri.UnescapeDataString(h.Key[ExtraHeaderPrefix.Length..].ToLowerInvariant()),
                h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")],
                StringComparer.Ordinal);
}
