using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Semantics;

namespace KubeEmulator.Errors;

/// <summary>A request the API server refuses; answered as a metav1.Status with <see cref="Code"/>.</summary>
internal sealed class ApiException(int code, string reason, string message, StatusDetails? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public StatusDetails? Details { get; } = details;

    /// <summary>Seconds for a Retry-After header, when the client should come back later.</summary>
    public int? RetryAfterSeconds { get; init; }

    public JsonObject ToStatus() => StatusObjects.Failure(Code, Reason, Message, Details);

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", new StatusDetails(name, type.Group, type.Plural));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new StatusDetails(ns, "", "namespaces"));

    public static ApiException PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", new StatusDetails(name, type.Group, type.Plural));

    public static ApiException Conflict(ResourceType type, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            new StatusDetails(name, type.Group, type.Plural));

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<StatusCause> causes)
    {
        return new(422, "Invalid", Validator.InvalidMessage(type, name, causes),
            new StatusDetails(name, type.Group, type.Kind, causes.Select(c => new StatusDetailCause(c.Reason, c.Message, c.Field)).ToList()));
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotSupported(ResourceType? type) =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
            type is null ? null : new StatusDetails("", type.Group, type.Plural));

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got \"{contentType}\")");

    public static ApiException Gone(string message) => new(410, "Expired", message);

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");
}
