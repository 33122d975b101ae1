using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Planning;

/// <summary>
/// A short hash of what our field manager owns on a live object (owned labels and annotations included): it moves when
/// someone edits a field git declares, and stays put when status, controller-set annotations or other managers' fields move.
/// </summary>
public static class LiveFingerprint
{
    public const string FieldManager = "gitops-operator";
    private const int Length = 16;

    public static string Of(JsonObject liveObject)
    {
        var owned = OwnedFieldsProjection.AppliedFieldsOf(liveObject, FieldManager) is { } fields
            ? OwnedFieldsProjection.Project(liveObject, fields)
            : null;
        return ContentHash.Of(owned)[..Length];
    }
}
