using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Patching;

namespace KubeEmulator.Semantics;

/// <summary>A CRD version's openAPIV3Schema: validation, pruning, defaulting, and its list keys.</summary>
public sealed class StructuralSchema
{
    private StructuralSchema() => throw new NotImplementedException();

    public static StructuralSchema Parse(JsonObject openApiV3Schema) => throw new NotImplementedException();

    /// <summary>List merge keys from x-kubernetes-list-type/x-kubernetes-list-map-keys.</summary>
    public IListKeyResolver ListKeys => throw new NotImplementedException();

    /// <summary>Causes for the object (type, required, enum, minimum/maximum, pattern, maxLength, nested objects and arrays).</summary>
    public IReadOnlyList<StatusCause> Validate(JsonObject obj) => throw new NotImplementedException();

    /// <summary>Removes fields the schema does not know (unless x-kubernetes-preserve-unknown-fields) and returns their paths.</summary>
    public IReadOnlyList<string> Prune(JsonObject obj) => throw new NotImplementedException();

    /// <summary>Sets schema defaults in place.</summary>
    public void ApplyDefaults(JsonObject obj) => throw new NotImplementedException();
}
