using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace KubeEmulator.Semantics;

/// <summary>What a KubernetesClient model type accepts in JSON: an object with named fields, a map, a list, or anything.</summary>
internal sealed record ModelShape(IReadOnlyDictionary<string, Type>? Fields, Type? MapValue, Type? ListItem)
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Cache = new();
    private static readonly ModelShape Anything = new(null, null, null);

    public static ModelShape Of(Type type) => Cache.GetOrAdd(type, Build);

    private static ModelShape Build(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type == typeof(object) || type == typeof(byte[]))
        {
            return Anything;
        }
        if (GenericArgument(type, typeof(IDictionary<,>), 1) is { } mapValue)
        {
            return new(null, mapValue, null);
        }
        if (GenericArgument(type, typeof(IEnumerable<>), 0) is { } item)
        {
            return new(null, null, item);
        }
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.PropertyType, StringComparer.Ordinal);
        // Types without JSON-named properties (IntOrString, ResourceQuantity, DateTime…) take whatever their converter reads.
        return fields.Count == 0 ? Anything : new(fields, null, null);
    }

    private static Type? GenericArgument(Type type, Type openInterface, int index)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var match = candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);
        return match?.GetGenericArguments()[index];
    }
}
