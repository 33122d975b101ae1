using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Errors;
using KubeEmulator.Json;
using KubeEmulator.Semantics;

namespace KubeEmulator.Writes;

/// <summary>
/// The autoscaling/v1 Scale the scale subresource shows for an object (spec.replicas, status.replicas and the pod
/// selector as text), and the change a Scale written back makes to the object: its replicas, nothing else.
/// </summary>
internal static class ScaleView
{
    public static ResourceType Type { get; } = new("autoscaling", "v1", "Scale", "scale", "scale", [], true, false);

    public static JsonObject Of(ResourceType type, JsonObject obj)
    {
        var paths = Paths(type);
        var source = obj.Metadata();
        var metadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (source[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = JsonFieldPath.Get(obj, paths.StatusReplicasPath).Int64() ?? 0 };
        if (Selector(obj, paths) is { Length: > 0 } selector)
        {
            status["selector"] = selector;
        }

        return new JsonObject
        {
            ["kind"] = Type.Kind,
            ["apiVersion"] = Type.ApiVersion,
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = JsonFieldPath.Get(obj, paths.SpecReplicasPath).Int64() ?? 0 },
            ["status"] = status,
        };
    }

    /// <summary>
    /// The object with the Scale's replicas written to it, carrying the Scale's resourceVersion (if any) as the
    /// write's precondition. Throws Invalid for negative replicas and BadRequest for a Scale of another object.
    /// </summary>
    public static JsonObject Applied(ResourceType type, JsonObject obj, JsonObject scale)
    {
        if (scale.Name() is { Length: > 0 } name && name != obj.Name())
        {
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({obj.Name()})");
        }

        var node = scale["spec"]?["replicas"];
        var replicas = node is null ? 0 : node.Int64() ?? throw ApiException.BadRequest("spec.replicas: expected an integer");
        if (replicas < 0)
        {
            throw ApiException.Invalid(Type, obj.Name(), [FieldErrors.Invalid("spec.replicas", JsonValue.Create(replicas), "must be greater than or equal to 0")]);
        }

        var updated = obj.Clone();
        JsonFieldPath.Set(updated, Paths(type).SpecReplicasPath, replicas);
        updated.Metadata()["resourceVersion"] = scale.ResourceVersion() is { Length: > 0 } precondition ? precondition : obj.ResourceVersion();
        return updated;
    }

    private static ScaleSubresource Paths(ResourceType type) =>
        type.Scale ?? throw new InvalidOperationException($"{type.QualifiedPlural} has no scale subresource");

    private static string? Selector(JsonObject obj, ScaleSubresource paths) =>
        paths.LabelSelectorPath is null
            ? null
            : JsonFieldPath.Get(obj, paths.LabelSelectorPath) switch
            {
                JsonObject selector => LabelSelector.Format(selector),
                var other => other.ScalarText(),
            };
}
