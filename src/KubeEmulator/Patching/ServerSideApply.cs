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
            var abandoned = OwnedFields.HeldBy(merged, request.Keys).Intersection(previous.Fields).Difference(stillOwned);
            FieldRemoval.Remove(merged, abandoned, request.Keys);
        }

        var comparison = ObjectComparison.Between(current, merged, request.Keys);
        var changed = comparison.Changed;
        var contested = others.Select(entry => entry with { Fields = entry.Fields.Intersection(changed) }).Where(entry => !entry.Fields.IsEmpty).ToList();
        if (contested.Count > 0 && !request.Force
            && !LastAppliedUpgrade.Allows(request.Manager, current, FieldSet.Of(contested.Select(entry => entry.Fields)), request.Keys))
        {
            return new ApplyResult((JsonObject)(live?.DeepClone() ?? applied.DeepClone()), Conflicts(contested));
        }

        LastAppliedUpgrade.Sync(request.Manager, merged, configuration);

        var unchanged = comparison.IsEmpty && previous?.Time is not null && previous.Fields.SetEquals(appliedFields);
        var time = unchanged ? previous!.Time : ManagedFieldsCodec.FormatTime(request.Now);
        var owners = others
            .Select(entry => entry with { Fields = entry.Fields.Difference(changed).Difference(comparison.Removed) })
            .Append(self with { Time = time });
        return new ApplyResult(ManagedFieldsCodec.Write(merged, owners), []);
    }

    private static List<FieldConflict> Conflicts(IEnumerable<ManagedFieldsEntry> contested) =>
        contested
            .SelectMany(entry => entry.Fields.Members()
                .Select(path => new FieldConflict(entry.Manager, PathElements.Display(path))
                {
                    UpdateApiVersion = entry.Operation == ManagedFieldsEntry.Update ? entry.ApiVersion : null,
                    Subresource = entry.Subresource,
                }))
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
