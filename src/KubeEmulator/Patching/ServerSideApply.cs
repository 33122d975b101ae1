using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Server-side apply (application/apply-patch+yaml) with managedFields per manager.</summary>
public static class ServerSideApply
{
    /// <summary>Metadata the server sets; an applied configuration never overwrites it on a live object.</summary>
    private static readonly string[] ServerMetadata =
        ["uid", "resourceVersion", "generation", "creationTimestamp", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    /// <summary>
    /// Merges the applied configuration into the live object (null: the object is created) and records the
    /// manager's field set (operation Apply). Returns conflicts instead when another manager owns a field
    /// with a different value and Force is false.
    /// </summary>
    public static ApplyResult Apply(JsonObject? live, JsonObject applied, ApplyRequest request)
    {
        if (applied["metadata"] is JsonObject { } appliedMetadata && appliedMetadata["managedFields"] is not null)
        {
            throw new PatchException("metadata.managedFields must be nil", 400);
        }

        var current = live is null ? new JsonObject() : ManagedFieldsCodec.Without(live);
        var configuration = live is null ? applied : WithoutServerMetadata(applied);
        var appliedFields = OwnedFields.Of(configuration, request.Keys);

        var entries = ManagedFieldsCodec.Read(live);
        var self = new ManagedFieldsEntry(request.Manager, ManagedFieldsEntry.Apply, request.ApiVersion, null, request.Subresource, appliedFields);
        var previous = entries.Find(self.SameOwnerAs);
        var others = entries.Where(entry => !entry.SameOwnerAs(self)).ToList();

        var merged = ApplyMerge.Merge(current, configuration, request.Keys);
        if (previous is not null)
        {
            var stillOwned = FieldSet.Of(others.Select(entry => entry.Fields)).Union(appliedFields);
            FieldRemoval.Remove(merged, previous.Fields.Difference(stillOwned), request.Keys);
        }

        var comparison = ObjectComparison.Between(current, merged, request.Keys);
        var changed = comparison.Changed;
        var conflicts = Conflicts(others, changed);
        if (conflicts.Count > 0 && !request.Force)
        {
            return new ApplyResult((JsonObject)(live?.DeepClone() ?? applied.DeepClone()), conflicts);
        }

        var objectChanged = !comparison.IsEmpty;
        var time = objectChanged || previous?.Time is null ? ManagedFieldsCodec.FormatTime(request.Now) : previous.Time;
        var owners = others
            .Select(entry => entry with { Fields = entry.Fields.Difference(changed).Difference(comparison.Removed) })
            .Append(self with { Time = time });
        return new ApplyResult(ManagedFieldsCodec.Write(merged, owners), []);
    }

    private static List<FieldConflict> Conflicts(IEnumerable<ManagedFieldsEntry> others, FieldSet changed) =>
        others
            .SelectMany(entry => entry.Fields.Intersection(changed).Members()
                .Select(path => new FieldConflict(entry.Manager, PathElements.Display(path))))
            .ToList();

    private static JsonObject WithoutServerMetadata(JsonObject applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var name in ServerMetadata)
            {
                metadata.Remove(name);
            }
        }

        return copy;
    }
}
