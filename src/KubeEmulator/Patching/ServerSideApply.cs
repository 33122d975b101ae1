using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Server-side apply (application/apply-patch+yaml) with managedFields per manager.</summary>
public static class ServerSideApply
{
    /// <summary>
    /// Merges the applied configuration into the live object (null: the object is created) and records the
    /// manager's field set (operation Apply). Returns conflicts instead when another manager owns a field
    /// with a different value and Force is false.
    /// </summary>
    public static ApplyResult Apply(JsonObject? live, JsonObject applied, ApplyRequest request) => throw new NotImplementedException();
}
