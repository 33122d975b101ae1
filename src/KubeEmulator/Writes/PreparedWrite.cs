using System.Text.Json.Nodes;

namespace KubeEmulator.Writes;

/// <summary>The object to store; Unchanged when it equals the stored one; RemoveNow when its last finalizer went away during deletion.</summary>
internal sealed record PreparedWrite(JsonObject Object, bool Unchanged, bool RemoveNow);
