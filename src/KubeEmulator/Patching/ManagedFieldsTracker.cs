using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Field ownership for non-apply writes (create, update, patch): operation Update.</summary>
public static class ManagedFieldsTracker
{
    /// <summary>
    /// Returns the written object with metadata.managedFields updated: the manager owns the fields it set or
    /// changed (operation Update), other managers lose the fields whose values it changed.
    /// </summary>
    public static JsonObject RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now, string apiVersion, string? subresource = null)
        => throw new NotImplementedException();
}
