using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Patching;

namespace KubeEmulator.Semantics;

/// <summary>A CRD version's openAPIV3Schema: validation, pruning, defaulting, and its list keys.</summary>
public sealed class StructuralSchema
{
    private readonly SchemaNode _root;

    private StructuralSchema(SchemaNode root)
    {
        _root = root;
        ListKeys = new SchemaListKeys(root);
    }

    public static StructuralSchema Parse(JsonObject openApiV3Schema) => new(SchemaNode.Parse(openApiV3Schema));

    /// <summary>List merge keys from x-kubernetes-list-type/x-kubernetes-list-map-keys.</summary>
    public IListKeyResolver ListKeys { get; }

    /// <summary>Causes for the object (type, required, enum, minimum/maximum, pattern, maxLength, nested objects and arrays).</summary>
    public IReadOnlyList<StatusCause> Validate(JsonObject obj) => SchemaValidation.Validate(obj, _root);

    /// <summary>Removes fields the schema does not know (unless x-kubernetes-preserve-unknown-fields) and returns their paths ("spec.foo").</summary>
    public IReadOnlyList<string> Prune(JsonObject obj) => SchemaPruning.Prune(obj, _root);

    /// <summary>Sets schema defaults in place.</summary>
    public void ApplyDefaults(JsonObject obj) => SchemaDefaulting.Apply(obj, _root);
}
