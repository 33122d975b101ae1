using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync;

/// <summary>
/// An inventory entry with what the engine knew at its last apply: <see cref="Hash"/> is
/// <c>&lt;desired content hash, 16 hex&gt;.&lt;live fingerprint, 16 hex&gt;</c>, kept in status.inventory as <c>h</c> beside
/// <c>id</c> and <c>v</c>. Null (an old status) means the object is verified once by a dry-run.
/// </summary>
public sealed record InventoryRecord(InventoryEntry Entry, string? Hash)
{
    private const int DesiredLength = 16;

    public static InventoryRecord For(RenderedObject desired, string liveFingerprint) =>
        new(EntryOf(desired), HashOf(desired.ContentHash, liveFingerprint));

    public static string HashOf(string desiredContentHash, string liveFingerprint) =>
        $"{desiredContentHash[..Math.Min(DesiredLength, desiredContentHash.Length)]}.{liveFingerprint}";

    public static InventoryEntry EntryOf(RenderedObject desired) =>
        new(desired.Identity.Namespace, desired.Identity.Name, desired.Identity.Group, desired.Identity.Kind, desired.Type.Version);

    /// <summary>True when the record was made for this desired content.</summary>
    public bool RecordsDesired(string desiredContentHash) =>
        Hash is not null && Hash.StartsWith(HashOf(desiredContentHash, ""), StringComparison.Ordinal);

    public ObjectIdentity Identity => new(Entry.Group, Entry.Kind, Entry.Namespace, Entry.Name);
}
