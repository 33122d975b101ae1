using System.Text.Json.Nodes;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Registry;
using KubeEmulator.Storage;

namespace KubeEmulator.Writes;

/// <summary>
/// Deletion with Kubernetes semantics: finalizers hold an object (deletionTimestamp set) until they are gone;
/// dependents are garbage-collected, orphaned or deleted first by propagation policy; a Namespace takes its
/// contents with it; a CRD takes its resource and objects.
/// </summary>
internal sealed class ObjectRemover(ClusterState cluster)
{
    /// <summary>Deletes the object (or marks it deleting); returns the stored result and whether it is gone.</summary>
    public (JsonObject Object, bool Gone) Delete(ServedType served, JsonObject existing, DeletionPolicy policy)
    {
        switch (policy)
        {
            case DeletionPolicy.Foreground:
                DeleteDependents(existing);
                break;
            case DeletionPolicy.Orphan:
                OrphanDependents(existing);
                break;
            case DeletionPolicy.Background:
                break;
        }

        if (served.Type is { Group: "", Kind: "Namespace" })
        {
            return DeleteNamespace(served, existing);
        }

        if (existing.Finalizers().Count > 0)
        {
            return (MarkDeleting(served, existing, null), false);
        }

        return Remove(served, existing) is { } gone ? (gone, true) : (existing, true);
    }

    /// <summary>Removes the object from the store now, then cleans up what depended on it.</summary>
    public JsonObject? Remove(ServedType served, JsonObject obj)
    {
        var (outcome, deleted) = cluster.Store.Delete(served.StoreKey, obj.Namespace(), obj.Name(), null);
        if (outcome != StoreOutcome.Written || deleted is null)
        {
            return null;
        }

        DeleteDependents(deleted);
        if (served.Type is { Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition" })
        {
            RemoveCustomResources(deleted);
        }

        if (served.Type.Namespaced && deleted.Namespace() is { } ns)
        {
            FinishNamespaceIfEmpty(ns);
        }

        return deleted;
    }

    private (JsonObject, bool) DeleteNamespace(ServedType served, JsonObject ns)
    {
        var name = ns.Name();
        var marked = MarkDeleting(served, ns, "Terminating");
        foreach (var (storeKey, obj) in cluster.Store.FindAll(o => o.Namespace() == name))
        {
            if (cluster.Registry.ByStoreKey(storeKey) is { } contentType)
            {
                DeleteQuietly(contentType, obj);
            }
        }

        var remaining = cluster.Store.Get(served.StoreKey, null, name);
        return remaining is null ? (marked, true) : (remaining, false);
    }

    private void FinishNamespaceIfEmpty(string ns)
    {
        var namespaces = cluster.Registry.Namespaces;
        var live = cluster.Store.Get(namespaces.StoreKey, null, ns);
        if (live?.StringAt("metadata", "deletionTimestamp") is null || live.Finalizers().Count > 0)
        {
            return;
        }

        if (cluster.Store.FindAll(o => o.Namespace() == ns).Count == 0)
        {
            cluster.Store.Delete(namespaces.StoreKey, null, ns, null);
        }
    }

    private JsonObject MarkDeleting(ServedType served, JsonObject existing, string? phase)
    {
        while (true)
        {
            var current = cluster.Store.Get(served.StoreKey, existing.Namespace(), existing.Name()) ?? existing;
            var marked = current.Clone();
            var metadata = marked.Metadata();
            metadata["deletionTimestamp"] ??= KubeJson.Timestamp(cluster.Now);
            metadata["deletionGracePeriodSeconds"] ??= 0;
            if (phase is not null)
            {
                marked["status"] = new JsonObject { ["phase"] = phase };
            }

            if (JsonNode.DeepEquals(marked, current))
            {
                return current;
            }

            var (outcome, stored) = cluster.Store.Put(served.StoreKey, marked, current.ResourceVersion());
            if (outcome == StoreOutcome.Written)
            {
                return stored!;
            }

            if (outcome == StoreOutcome.Missing)
            {
                return marked;
            }
        }
    }

    private void DeleteDependents(JsonObject owner)
    {
        foreach (var (storeKey, dependent) in Dependents(owner))
        {
            if (cluster.Registry.ByStoreKey(storeKey) is not { } dependentType)
            {
                continue;
            }

            var otherOwners = dependent.OwnerReferences().Count(r => r.StringAt("uid") != owner.Uid());
            if (otherOwners > 0)
            {
                RewriteOwners(dependentType, dependent, owner.Uid());
            }
            else
            {
                DeleteQuietly(dependentType, dependent);
            }
        }
    }

    private void OrphanDependents(JsonObject owner)
    {
        foreach (var (storeKey, dependent) in Dependents(owner))
        {
            if (cluster.Registry.ByStoreKey(storeKey) is { } dependentType)
            {
                RewriteOwners(dependentType, dependent, owner.Uid());
            }
        }
    }

    private void DeleteQuietly(ServedType served, JsonObject obj)
    {
        if (obj.Finalizers().Count > 0)
        {
            MarkDeleting(served, obj, null);
        }
        else
        {
            Remove(served, obj);
        }
    }

    private void RewriteOwners(ServedType served, JsonObject dependent, string? removedUid)
    {
        var updated = dependent.Clone();
        var kept = updated.OwnerReferences().Where(r => r.StringAt("uid") != removedUid).Select(r => r.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            updated.Metadata().Remove("ownerReferences");
        }
        else
        {
            updated.Metadata()["ownerReferences"] = new JsonArray(kept);
        }

        cluster.Store.Put(served.StoreKey, updated, dependent.ResourceVersion());
    }

    private void RemoveCustomResources(JsonObject crd)
    {
        var group = crd.StringAt("spec", "group") ?? "";
        var plural = crd.StringAt("spec", "names", "plural") ?? "";
        cluster.Registry.Remove(crd.Name());
        cluster.Store.DropCollection($"{group}/{plural}");
    }

    private IReadOnlyList<(string StoreKey, JsonObject Object)> Dependents(JsonObject owner)
    {
        var uid = owner.Uid();
        return uid is null ? [] : cluster.Store.FindAll(o => o.OwnerReferences().Any(r => r.StringAt("uid") == uid));
    }
}
