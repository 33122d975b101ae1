using System.Text.Json.Nodes;

namespace KubeEmulator.Storage;

/// <summary>One page of a list: the items, the store revision it reflects, and where the next page starts (null: last page).</summary>
internal sealed record ListPage(IReadOnlyList<JsonObject> Items, long Revision, string? ContinueAfter, long RemainingItemCount);
