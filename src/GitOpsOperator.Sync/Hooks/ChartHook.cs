using System.Globalization;
using GitOpsOperator.Manifests;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Sync.Hooks;

/// <summary>
/// One hook of a chart as its annotations describe it: its phases, weight (lower runs first) and delete policies.
/// Without a delete policy a hook is deleted before it is created again, as helm does.
/// </summary>
public sealed record ChartHook(RenderedObject Object, IReadOnlyList<string> Phases, int Weight, IReadOnlySet<string> DeletePolicies)
{
    public const string BeforeHookCreation = "before-hook-creation";
    public const string HookSucceeded = "hook-succeeded";
    public const string HookFailed = "hook-failed";

    public static ChartHook Of(RenderedObject hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        var weight = int.TryParse(ChartHooks.Annotation(hook.Json, ChartHooks.WeightAnnotation), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var policies = (ChartHooks.Annotation(hook.Json, ChartHooks.DeletePolicyAnnotation) ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        return new ChartHook(hook, ChartHooks.Phases(hook.Json), weight, policies.Count == 0 ? new HashSet<string> { BeforeHookCreation } : policies);
    }

    /// <summary>The hooks of one phase in the order helm runs them: by weight, then by kind and name.</summary>
    public static IReadOnlyList<ChartHook> ForPhase(IEnumerable<RenderedObject> hooks, string phase) =>
        hooks.Select(Of)
            .Where(hook => hook.Phases.Contains(phase, StringComparer.Ordinal))
            .OrderBy(hook => hook.Weight)
            .ThenBy(hook => hook.Object.Identity.Kind, StringComparer.Ordinal)
            .ThenBy(hook => hook.Object.Identity.Name, StringComparer.Ordinal)
            .ToList();

    public override string ToString() => $"hook {Object.Identity}";
}
