using System.Text.Json.Nodes;

namespace KubeEmulator.Storage;

/// <summary>One change to the store: Type is ADDED, MODIFIED or DELETED; OldObject is the previous state of a MODIFIED object.</summary>
internal sealed record WatchEvent(string Type, string StoreKey, string? Namespace, JsonObject Object, JsonObject? OldObject, long Revision);
