using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>Built-in validation with the real server's causes: names (DNS-1123 etc.), required fields, immutable fields.</summary>
public static class Validator
{
    /// <summary>Causes for a new object (empty when valid).</summary>
    public static IReadOnlyList<StatusCause> ValidateCreate(ResourceType type, JsonObject obj) => throw new NotImplementedException();

    /// <summary>Causes for an update (includes immutable-field changes: Deployment spec.selector, Job spec.template, …).</summary>
    public static IReadOnlyList<StatusCause> ValidateUpdate(ResourceType type, JsonObject oldObj, JsonObject newObj) => throw new NotImplementedException();
}
