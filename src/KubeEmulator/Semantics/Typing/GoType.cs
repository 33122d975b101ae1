using System.Collections.Concurrent;
using k8s.Models;
using KubeEmulator.Api.Schemas;

namespace KubeEmulator.Semantics.Typing;

/// <summary>What a Go field of a built-in kind decodes: a struct, map, slice, scalar, or a type with its own JSON decoding.</summary>
internal enum GoKind
{
    Struct,
    Map,
    Slice,
    Bytes,
    Int32,
    Int64,
    Float64,
    Bool,
    String,
    IntOrString,
    Quantity,
    Time,
    Any,
}

/// <summary>
/// The Go type behind a KubernetesClient model type, as the real server's decoders see it: its kind and its name
/// as reflect prints it ("int32", "[]v1.Container", "map[string]string", "v1.DeploymentSpec", "[]uint8").
/// </summary>
internal sealed class GoType
{
    private static readonly ConcurrentDictionary<Type, GoType> Cache = new();
    private readonly Lazy<IReadOnlyList<(string Name, GoType Type)>> fields;

    private GoType(GoKind kind, string name, Type? model = null, GoType? element = null)
    {
        Kind = kind;
        Name = name;
        Element = element;
        fields = new(() => model is null ? [] : ModelTypes.Properties(model).Select(p => (p.JsonName, Of(p.Type))).ToList());
    }

    public GoKind Kind { get; }

    /// <summary>The name reflect.Type.String() gives: "int32", "v1.DeploymentSpec", "map[string]string".</summary>
    public string Name { get; }

    /// <summary>The struct's name without its package ("DeploymentSpec"), as encoding/json names the struct of a field.</summary>
    public string StructName => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>The value type of a map, the item type of a slice.</summary>
    public GoType? Element { get; }

    /// <summary>A struct's JSON fields in declaration order.</summary>
    public IReadOnlyList<(string Name, GoType Type)> Fields => fields.Value;

    /// <summary>The field of a struct with exactly this JSON name (the decoders are case-sensitive), or null.</summary>
    public GoType? Field(string name) => Fields.FirstOrDefault(f => f.Name == name).Type;

    public static GoType Of(Type clrType) => Cache.GetOrAdd(Nullable.GetUnderlyingType(clrType) ?? clrType, Build);

    private static GoType Build(Type type)
    {
        if (type == typeof(byte[]))
        {
            return new(GoKind.Bytes, "[]uint8");
        }

        if (ModelTypes.ElementOf(type, out var isMap) is { } element)
        {
            var inner = Of(element);
            return isMap
                ? new(GoKind.Map, inner.Kind == GoKind.Quantity ? "v1.ResourceList" : "map[string]" + inner.Name, element: inner)
                : new(GoKind.Slice, "[]" + inner.Name, element: inner);
        }

        if (ModelTypes.IsModel(type))
        {
            // The definition "io.k8s.api.apps.v1.DeploymentSpec" is Go package "v1", type "DeploymentSpec".
            var segments = DefinitionNames.Of(type).Split('.');
            return new(GoKind.Struct, $"{segments[^2]}.{segments[^1]}", type);
        }

        return type switch
        {
            _ when type == typeof(string) => new(GoKind.String, "string"),
            _ when type == typeof(bool) => new(GoKind.Bool, "bool"),
            _ when type == typeof(int) => new(GoKind.Int32, "int32"),
            _ when type == typeof(long) => new(GoKind.Int64, "int64"),
            _ when type == typeof(double) || type == typeof(float) => new(GoKind.Float64, "float64"),
            _ when type == typeof(IntOrString) => new(GoKind.IntOrString, "intstr.IntOrString"),
            _ when type == typeof(ResourceQuantity) => new(GoKind.Quantity, "resource.Quantity"),
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => new(GoKind.Time, "v1.Time"),
            _ => new(GoKind.Any, "interface {}"),
        };
    }
}
