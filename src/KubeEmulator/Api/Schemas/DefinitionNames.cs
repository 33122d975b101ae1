using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace KubeEmulator.Api.Schemas;

/// <summary>
/// The real spec's definition names for the client's model types: V1Deployment → io.k8s.api.apps.v1.Deployment,
/// V1ObjectMeta → io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta. A nested type belongs to the API group of the
/// first built-in kind that reaches it (PodSpec is reached from Pod, so it is core).
/// </summary>
public static partial class DefinitionNames
{
    public const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string Time = MetaPackage + ".Time";
    public const string Patch = MetaPackage + ".Patch";

    private static readonly FrozenSet<string> MetaTypes = new[]
    {
        "ObjectMeta", "ListMeta", "LabelSelector", "LabelSelectorRequirement", "OwnerReference", "ManagedFieldsEntry",
        "Condition", "Status", "StatusDetails", "StatusCause", "DeleteOptions", "Preconditions", "WatchEvent",
    }.ToFrozenSet();

    private static readonly Lazy<FrozenDictionary<Type, string>> GroupOfType = new(MapNestedTypesToGroups);

    public static string Of(Type model)
    {
        var (prefix, version, name) = Split(model.Name);
        if (prefix is null && version == "v1" && MetaTypes.Contains(name))
        {
            return $"{MetaPackage}.{name}";
        }

        var group = prefix?.ToLowerInvariant() ?? (GroupOfType.Value.TryGetValue(model, out var found) ? found : "core");
        return PackageOf(group, version) + "." + name;
    }

    /// <summary>Custom resources: the group reversed ("gitops.operator.io" → "io.operator.gitops.v1alpha1.GitSync"), as the real server names them.</summary>
    public static string OfCustom(string group, string version, string kind) =>
        string.Join(".", group.Split('.').Reverse()) + $".{version}.{kind}";

    private static string PackageOf(string group, string version) => group switch
    {
        "apiextensions" => $"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.{version}",
        _ => $"io.k8s.api.{group}.{version}",
    };

    private static (string? Prefix, string Version, string Name) Split(string clrName)
    {
        var match = ClrName().Match(clrName);
        return match.Success
            ? (match.Groups["prefix"].Success ? match.Groups["prefix"].Value : null, "v" + match.Groups["version"].Value, match.Groups["name"].Value)
            : (null, "v1", clrName);
    }

    private static FrozenDictionary<Type, string> MapNestedTypesToGroups()
    {
        var groups = new Dictionary<Type, string>();
        var queue = new Queue<Type>();
        foreach (var type in BuiltInResources.All.Where(t => t.ModelType is not null))
        {
            var group = type.Group.Length == 0 ? "core" : type.Group.Split('.')[0];
            foreach (var root in new[] { type.ModelType!, ModelTypes.ListTypeOf(type.ModelType!) }.OfType<Type>())
            {
                if (groups.TryAdd(root, group))
                {
                    queue.Enqueue(root);
                }
            }

            while (queue.TryDequeue(out var next))
            {
                foreach (var referenced in ModelTypes.Referenced(next).Where(r => groups.TryAdd(r, group)))
                {
                    queue.Enqueue(referenced);
                }
            }
        }

        return groups.ToFrozenDictionary();
    }

    [GeneratedRegex(@"^(?<prefix>[A-Z][a-z]+)?[Vv](?<version>\d+(?:alpha\d+|beta\d+)?)(?<name>[A-Z]\w*)$")]
    private static partial Regex ClrName();
}
