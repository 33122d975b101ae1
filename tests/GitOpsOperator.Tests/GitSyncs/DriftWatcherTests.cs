using System.Text.Json.Nodes;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Tests.GitSyncs;

public sealed class DriftWatcherTests
{
    private static readonly GitSyncKey Owner = new("gitops-system", "web");

    [Fact]
    public void Status_change_queues_nothing()
    {
        var (watcher, queued, live) = Watching();
        live["status"] = new JsonObject { ["observedGeneration"] = 2 };

        watcher.Handle(Modified(live));

        Assert.Empty(queued);
    }

    [Fact]
    public void Change_of_a_field_another_manager_owns_queues_nothing()
    {
        var (watcher, queued, live) = Watching();
        live["data"]!["other"] = "set by someone else";

        watcher.Handle(Modified(live));

        Assert.Empty(queued);
    }

    [Fact]
    public void Change_of_a_field_our_manager_owns_queues_the_owner()
    {
        var (watcher, queued, live) = Watching();
        live["data"]!["value"] = "edited";

        watcher.Handle(Modified(live));

        Assert.Equal([Owner], queued);
    }

    [Fact]
    public void Deletion_of_a_managed_object_queues_the_owner()
    {
        var (watcher, queued, live) = Watching();

        watcher.Handle(new LiveObjectEvent("DELETED", ObjectJson.Identity(live), LiveObject.From(live)));

        Assert.Equal([Owner], queued);
    }

    [Fact]
    public void Object_of_another_gitsync_queues_nothing()
    {
        var (watcher, queued, live) = Watching();
        live["metadata"]!["labels"]!["gitops.operator.io/name"] = "other";
        live["data"]!["value"] = "edited";

        watcher.Handle(Modified(live));

        Assert.Empty(queued);
    }

    [Fact]
    public void Changes_heard_during_a_sync_are_drift_only_when_the_sync_records_do_not_explain_them()
    {
        var states = new GitSyncStates();
        var state = states.For(Owner);
        var queued = new List<GitSyncKey>();
        var watcher = new DriftWatcher(states, queued.Add);
        var applied = ConfigMap();
        applied["data"]!["value"] = "2";
        var identity = ObjectJson.Identity(applied);

        state.BeginSync();
        watcher.Handle(Modified(applied));
        var explained = state.EndSync(new Dictionary<Manifests.ObjectIdentity, string> { [identity] = LiveFingerprint.Of(applied) });
        state.BeginSync();
        watcher.Handle(new LiveObjectEvent("DELETED", identity, LiveObject.From(applied)));
        var unexplained = state.EndSync(new Dictionary<Manifests.ObjectIdentity, string> { [identity] = LiveFingerprint.Of(applied) });

        Assert.Empty(queued);
        Assert.False(explained);
        Assert.True(unexplained);
    }

    private static (DriftWatcher Watcher, List<GitSyncKey> Queued, JsonObject Live) Watching()
    {
        var live = ConfigMap();
        var states = new GitSyncStates();
        states.For(Owner).Fingerprints = new Dictionary<Manifests.ObjectIdentity, string> { [ObjectJson.Identity(live)] = LiveFingerprint.Of(live) };
        var queued = new List<GitSyncKey>();
        return (new DriftWatcher(states, queued.Add), queued, live.DeepClone().AsObject());
    }

    private static LiveObjectEvent Modified(JsonObject live) => new("MODIFIED", ObjectJson.Identity(live), LiveObject.From(live));

    private static JsonObject ConfigMap() => JsonNode.Parse("""
        {
          "apiVersion": "v1", "kind": "ConfigMap",
          "metadata": {
            "name": "a", "namespace": "gitops-system",
            "labels": { "gitops.operator.io/name": "web", "gitops.operator.io/namespace": "gitops-system" },
            "managedFields": [
              { "manager": "gitops-operator", "operation": "Apply", "apiVersion": "v1", "fieldsType": "FieldsV1",
                "fieldsV1": { "f:data": { "f:value": {} }, "f:metadata": { "f:labels": { "f:gitops.operator.io/name": {}, "f:gitops.operator.io/namespace": {} } } } }
            ]
          },
          "data": { "value": "1" }
        }
        """)!.AsObject();
}
