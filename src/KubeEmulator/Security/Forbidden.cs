using KubeEmulator.Errors;

namespace KubeEmulator.Security;

/// <summary>403 answers worded as the real server words them.</summary>
internal static class Forbidden
{
    /// <summary>A request its user may not make: "deployments.apps "web" is forbidden: User "…" cannot get resource …".</summary>
    public static ApiException Request(RequestAttributes attributes, string reason)
    {
        var message = reason.Length == 0 ? Describe(attributes) : $"{Describe(attributes)}: {reason}";
        return attributes.IsResourceRequest
            ? Error(attributes.Group, attributes.Resource, attributes.Name, message)
            : Error("", "", "", message);
    }

    /// <summary>NewForbidden(groupResource, name, err): the message is prefixed by the resource and name it is about.</summary>
    public static ApiException Error(string group, string resource, string name, string message)
    {
        var qualified = group.Length == 0 ? resource : $"{resource}.{group}";
        var text = qualified.Length == 0 ? $"forbidden: {message}"
            : name.Length == 0 ? $"{qualified} is forbidden: {message}"
            : $"{qualified} \"{name}\" is forbidden: {message}";
        return new ApiException(403, "Forbidden", text, new StatusDetails(name, group, resource));
    }

    private static string Describe(RequestAttributes attributes)
    {
        var user = attributes.User.Name;
        if (!attributes.IsResourceRequest)
        {
            return $"User \"{user}\" cannot {attributes.Verb} path \"{attributes.Path}\"";
        }

        var scope = attributes.Namespace.Length > 0 ? $"in the namespace \"{attributes.Namespace}\"" : "at the cluster scope";
        return $"User \"{user}\" cannot {attributes.Verb} resource \"{attributes.CombinedResource}\" in API group \"{attributes.Group}\" {scope}";
    }
}
