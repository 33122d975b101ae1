using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>
/// The real server's path from kubectl client-side apply to server-side apply, for the manager "kubectl" only:
/// a conflict on a field the last-applied annotation still describes truthfully is taken over without --force,
/// and the annotation is rewritten to the applied configuration while it exists.
/// </summary>
internal static class LastAppliedUpgrade
{
    public const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";
    private const string KubectlManager = "kubectl";

    /// <summary>True when the manager is kubectl and every conflict is a field kubectl client-side apply set and nobody changed since.</summary>
    public static bool Allows(string manager, JsonObject live, FieldSet conflicts, IListKeyResolver keys)
    {
        if (manager != KubectlManager || LastApplied(live) is not { } lastApplied)
        {
            return false;
        }

        try
        {
            var described = OwnedFields.Of(lastApplied, keys);
            var since = ObjectComparison.Between(lastApplied, live, keys);
            return conflicts.Difference(described.Difference(since.Modified)).IsEmpty;
        }
        catch (PatchException)
        {
            return false;
        }
    }

    /// <summary>Rewrites an existing annotation to the configuration kubectl applied (without the annotation itself).</summary>
    public static void Sync(string manager, JsonObject merged, JsonObject applied)
    {
        if (manager != KubectlManager || merged["metadata"]?["annotations"] is not JsonObject annotations || !annotations.ContainsKey(Annotation))
        {
            return;
        }

        var configuration = (JsonObject)applied.DeepClone();
        if (configuration["metadata"]?["annotations"] is JsonObject own)
        {
            own.Remove(Annotation);
            if (own.Count == 0)
            {
                configuration["metadata"]!.AsObject().Remove("annotations");
            }
        }

        annotations[Annotation] = PathElements.Json(SortedKeys(configuration)) + "\n";
    }

    private static JsonObject? LastApplied(JsonObject live)
    {
        if (live["metadata"]?["annotations"]?[Annotation] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonNode? SortedKeys(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortedKeys(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(SortedKeys)]),
        _ => node?.DeepClone(),
    };
}
