using System.Text.Json.Nodes;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Registry;

namespace KubeEmulator.Writes;

/// <summary>
/// The garbage collector's rule for dependents written after their owners left (a controller acting on a stale
/// cache, say): an object whose every ownerReference names an owner that is gone — absent, or present under
/// another uid — is deleted with background propagation. An owner of a kind the server does not serve keeps the
/// object, as the real collector cannot resolve it either.
/// </summary>
/// <remarks>
/// Checked after the dependent is stored, while <see cref="ObjectRemover"/> looks for dependents after the owner
/// is removed: whichever write lands second sees the other, so no interleaving leaves an orphan behind.
/// </remarks>
internal sealed class OrphanCollector(ClusterState cluster, ObjectRemover remover)
{
    /// <summary>Deletes the stored object when all its owners are gone.</summary>
    public void CollectIfOrphaned(ServedType served, JsonObject stored)
    {
        var owners = stored.OwnerReferences().ToList();
        if (owners.Count == 0
            || stored.StringAt("metadata", "deletionTimestamp") is not null
            || !owners.All(owner => IsGone(served, stored, owner)))
        {
            return;
        }

        remover.Delete(served, stored, DeletionPolicy.Background);
    }

    private bool IsGone(ServedType dependentType, JsonObject dependent, JsonObject owner)
    {
        if (cluster.Registry.ByKind(owner.StringAt("apiVersion") ?? "", owner.StringAt("kind") ?? "") is not { } ownerType
            || (ownerType.Type.Namespaced && !dependentType.Type.Namespaced))
        {
            return false;
        }

        var ns = ownerType.Type.Namespaced ? dependent.Namespace() : null;
        var live = cluster.Store.Get(ownerType.StoreKey, ns, owner.StringAt("name") ?? "");
        return live is null || live.Uid() != owner.StringAt("uid");
    }
}
