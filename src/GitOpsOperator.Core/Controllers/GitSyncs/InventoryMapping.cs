using GitOpsOperator.Api;
using GitOpsOperator.Sync;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Converts between status.inventory and the sync engine's inventory records.</summary>
public static class InventoryMapping
{
    /// <summary>The records the status holds; entries whose id cannot be read are left out.</summary>
    public static IReadOnlyList<InventoryRecord> ToRecords(InventoryStatus? inventory) =>
        [.. (inventory?.Entries ?? [])
            .Select(e => (Entry: Sync.InventoryEntry.Parse(e.Id, e.Version), e.Hash))
            .Where(e => e.Entry is not null)
            .Select(e => new InventoryRecord(e.Entry!, e.Hash))];

    /// <summary>The status form of the records, sorted by id so equal inventories compare equal.</summary>
    public static InventoryStatus ToStatus(IEnumerable<InventoryRecord> records) => new()
    {
        Entries = [.. records
            .Select(r => new Api.InventoryEntry { Id = r.Entry.Id, Version = r.Entry.Version, Hash = r.Hash })
            .OrderBy(e => e.Id, StringComparer.Ordinal)],
    };

    /// <summary>The live fingerprint each record was made with, by object (records without a hash are left out).</summary>
    public static IReadOnlyDictionary<Manifests.ObjectIdentity, string> Fingerprints(IEnumerable<InventoryRecord> records) =>
        records
            .Where(r => r.Hash?.Contains('.', StringComparison.Ordinal) == true)
            .ToDictionary(r => r.Identity, r => r.Hash![(r.Hash!.IndexOf('.', StringComparison.Ordinal) + 1)..]);

    public static bool SameAs(this InventoryStatus? inventory, InventoryStatus? other) =>
        (inventory?.Entries ?? []).SequenceEqual(other?.Entries ?? []);
}
