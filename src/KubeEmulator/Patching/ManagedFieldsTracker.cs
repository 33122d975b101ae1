using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Field ownership for non-apply writes (create, update, patch): operation Update.</summary>
public static class ManagedFieldsTracker
{
    /// <summary>
    /// Returns the written object with metadata.managedFields updated: the manager owns the fields it set or
    /// changed (operation Update), other managers lose the fields whose values it changed.
    /// </summary>
    /// <remarks>
    /// managedFields the write itself carries replace the stored ones (as kubectl does when it migrates
    /// client-side apply ownership); a single empty entry clears them.
    /// </remarks>
    public static JsonObject RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now, string apiVersion, string? subresource = null)
        => RecordUpdate(before, after, manager, now, apiVersion, subresource, BuiltInListKeys.Instance);

    /// <summary>As <see cref="RecordUpdate(JsonObject?, JsonObject, string, DateTimeOffset, string, string?)"/>, with the list keys of the kind (a CRD's schema).</summary>
    public static JsonObject RecordUpdate(JsonObject? before, JsonObject after, string manager, DateTimeOffset now, string apiVersion, string? subresource, IListKeyResolver keys)
    {
        var entries = StartingEntries(before, after);
        var previousState = before is null ? new JsonObject() : ManagedFieldsCodec.Without(before);
        var written = ManagedFieldsCodec.Without(after);
        var comparison = ObjectComparison.Between(previousState, written, keys);
        var changed = comparison.Changed;

        var self = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, null, subresource, new FieldSet());
        var previous = entries.Find(self.SameOwnerAs);
        var owners = entries
            .Where(entry => !entry.SameOwnerAs(self))
            .Select(entry => entry with { Fields = entry.Fields.Difference(changed).Difference(comparison.Removed) })
            .ToList();

        var kept = previous?.Fields.Difference(comparison.Removed) ?? new FieldSet();
        owners.Add(changed.IsEmpty
            ? self with { Fields = kept, Time = previous?.Time }
            : self with { Fields = kept.Union(changed), Time = ManagedFieldsCodec.FormatTime(now) });
        return ManagedFieldsCodec.Write(written, owners);
    }

    private static List<ManagedFieldsEntry> StartingEntries(JsonObject? before, JsonObject after)
    {
        var given = ManagedFieldsCodec.ManagedFieldsOf(after);
        if (given is [JsonObject { Count: 0 }])
        {
            return [];
        }

        var fromWrite = ManagedFieldsCodec.Read(given);
        return fromWrite.Count > 0 ? fromWrite : ManagedFieldsCodec.Read(before);
    }
}
