using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Kubernetes strategic merge patch (application/strategic-merge-patch+json).</summary>
public static class StrategicMergePatch
{
    /// <summary>Returns a new object: the original with the patch merged, map-lists merged by key, $patch directives honoured.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, IListKeyResolver keys) => throw new NotImplementedException();
}
