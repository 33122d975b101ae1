using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>Unknown-field detection for built-in kinds (fieldValidation=Strict|Warn), from the KubernetesClient model types.</summary>
public static class UnknownFields
{
    /// <summary>Paths like ".spec.replicasx" of fields the kind does not define; empty for a type without a model.</summary>
    public static IReadOnlyList<string> Find(ResourceType type, JsonObject obj) => throw new NotImplementedException();
}
