using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Validation;

/// <summary>The cluster's API scope extended by the CustomResourceDefinitions the render itself brings.</summary>
internal sealed class RenderScope(IApiScope cluster, IReadOnlyDictionary<GroupVersionKind, bool> fromCrds) : IApiScope
{
    public bool? IsNamespaced(GroupVersionKind type) =>
        fromCrds.TryGetValue(type, out var namespaced) ? namespaced : cluster.IsNamespaced(type);

    public static RenderScope Build(IApiScope cluster, IEnumerable<JsonObject> objects)
    {
        var fromCrds = new Dictionary<GroupVersionKind, bool>();
        foreach (var crd in objects.Where(IsCrd))
        {
            var spec = crd["spec"] as JsonObject;
            if (Text(spec?["group"]) is not { } group || Text((spec?["names"] as JsonObject)?["kind"]) is not { } kind)
            {
                continue;
            }

            var namespaced = Text(spec?["scope"]) == "Namespaced";
            foreach (var version in (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Text(version["name"]) is { } name)
                {
                    fromCrds[new GroupVersionKind(group, name, kind)] = namespaced;
                }
            }
        }

        return new RenderScope(cluster, fromCrds);
    }

    private static bool IsCrd(JsonObject json) =>
        Text(json["kind"]) == "CustomResourceDefinition" && Text(json["apiVersion"])?.StartsWith("apiextensions.k8s.io/", StringComparison.Ordinal) == true;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
