using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>The merged object (metadata.managedFields updated) or, when Conflicts is non-empty, nothing to store.</summary>
public sealed record ApplyResult(JsonObject Object, IReadOnlyList<FieldConflict> Conflicts);
