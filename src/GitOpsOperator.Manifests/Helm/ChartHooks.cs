using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Helm;

/// <summary>Tells a chart's hooks (annotated <c>helm.sh/hook</c>) from its release objects; test hooks are never rendered.</summary>
public static class ChartHooks
{
    public const string HookAnnotation = "helm.sh/hook";
    public const string WeightAnnotation = "helm.sh/hook-weight";
    public const string DeletePolicyAnnotation = "helm.sh/hook-delete-policy";

    /// <summary>The hook's phases (<c>pre-install</c>, …) from its annotation; empty for an object that is no hook.</summary>
    public static IReadOnlyList<string> Phases(JsonObject json) =>
        Annotation(json, HookAnnotation) is { } phases
            ? phases.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];

    public static bool IsHook(JsonObject json) => Phases(json).Count > 0;

    public static bool IsTest(JsonObject json) => Phases(json).Any(phase => phase.StartsWith("test", StringComparison.Ordinal));

    public static string? Annotation(JsonObject json, string name) =>
        json["metadata"]?["annotations"]?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Splits validated objects into the release's objects and its hooks.</summary>
    internal static (List<RenderedObject> Objects, List<RenderedObject> Hooks) Split(IEnumerable<RenderedObject> rendered)
    {
        var objects = new List<RenderedObject>();
        var hooks = new List<RenderedObject>();
        foreach (var item in rendered)
        {
            (IsHook(item.Json) ? hooks : objects).Add(item);
        }

        return (objects, hooks);
    }
}
