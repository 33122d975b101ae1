using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeEmulator.Api.Schemas;

/// <summary>Reflection over the KubernetesClient model types: their JSON properties and the model types they reference.</summary>
public static class ModelTypes
{
    /// <summary>The serialized properties of a model type, in declaration order.</summary>
    public static IEnumerable<(string JsonName, Type Type)> Properties(Type model) =>
        model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .Select(p => (p.Name!, p.PropertyType));

    /// <summary>True for a generated model class that becomes a definition of its own (not IntOrString or Quantity).</summary>
    public static bool IsModel(Type type) =>
        type.IsClass && type.Namespace == typeof(V1ObjectMeta).Namespace && type != typeof(ResourceQuantity) && type.Name != nameof(IntOrString);

    /// <summary>The element type of a list, or the value type of a string-keyed map; null for anything else.</summary>
    public static Type? ElementOf(Type type, out bool isMap)
    {
        isMap = false;
        if (type == typeof(byte[]) || type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (arguments.Length == 2 && (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
        {
            isMap = true;
            return arguments[1];
        }

        return arguments.Length == 1 && (definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyList<>))
            ? arguments[0]
            : null;
    }

    /// <summary>The model types a model's properties refer to, through lists and maps.</summary>
    public static IEnumerable<Type> Referenced(Type model) =>
        Properties(model).Select(p => Innermost(p.Type)).Where(IsModel);

    /// <summary>The list type beside a kind (V1Deployment → V1DeploymentList), if the client defines one.</summary>
    public static Type? ListTypeOf(Type kind) => kind.Assembly.GetType($"{kind.Namespace}.{kind.Name}List");

    private static Type Innermost(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return ElementOf(underlying, out _) is { } element ? Innermost(element) : underlying;
    }
}
