using System.Text.Json.Nodes;
using KubeEmulator.Http;
using KubeEmulator.Registry;
using KubeEmulator.Security.Rbac;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Security;

/// <summary>The authorization a write needs beyond its own verb: create for an apply that creates, and no RBAC escalation.</summary>
internal sealed class WriteAuthorization(Authorizer authorizer, TypeRegistry registry)
{
    private readonly EscalationCheck escalation = new(authorizer, registry);

    /// <summary>
    /// A server-side apply that would create its object was authorized as a patch; as on the real server it also
    /// needs create, and when refused the message carries the authorizer's reason alone.
    /// </summary>
    public void RequireCreate(HttpContext context, ApiRoute route)
    {
        var create = new RequestAttributes(RequestUser.Of(context), "create", true, Group: route.Group, Version: route.Version,
            Resource: route.Plural ?? "", Subresource: route.Subresource ?? "", Namespace: route.Namespace ?? "", Name: route.Name ?? "");
        var decision = authorizer.Authorize(create);
        if (!decision.Allowed)
        {
            throw Forbidden.Error(create.Group, create.Resource, create.Name, decision.Reason);
        }
    }

    /// <summary>Refuses a Role, ClusterRole or binding that would grant its author rights the author does not hold.</summary>
    public void ConfirmNoEscalation(HttpContext context, ApiRoute route, ServedType served, JsonObject candidate) =>
        escalation.Confirm(RequestUser.Of(context), served, route.Namespace, route.Name, candidate);
}
