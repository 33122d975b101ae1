using System.Text.Json.Nodes;
using KubeEmulator.Patching;

namespace KubeEmulator.Tests.Patching;

public class ManagedFieldsTrackerTests
{
    private static readonly DateTimeOffset T1 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(1);

    private const string ConfigMap = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","labels":{"app":"x"}},"data":{"a":"1","b":"2"}}""";

    [Fact]
    public void Create_gives_the_creator_every_field_it_set()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object(ConfigMap), "kubectl-create", T1, "v1");

        var entry = Assert.Single(Json.ManagedFields(created));
        Json.Equal("""
            {"manager":"kubectl-create","operation":"Update","apiVersion":"v1","time":"2026-01-02T03:04:05Z","fieldsType":"FieldsV1",
             "fieldsV1":{"f:data":{".":{},"f:a":{},"f:b":{}},"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}
            """, entry);
        Assert.Equal("1", (string?)Json.At(created, "/data/a"));
    }

    [Fact]
    public void Created_list_items_are_owned_with_their_fields()
    {
        var pod = Json.Object("""{"metadata":{"name":"p"},"spec":{"containers":[{"name":"app","image":"i:1","ports":[{"containerPort":8080,"protocol":"TCP"}]}]}}""");

        var created = ManagedFieldsTracker.RecordUpdate(null, pod, "kubectl-create", T1, "v1");

        Json.Equal("""
            {"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:name":{},
              "f:ports":{"k:{\"containerPort\":8080,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}
            """, Json.FieldsOf(created, "kubectl-create", "Update"));
    }

    [Fact]
    public void Update_takes_changed_fields_from_their_previous_owner()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object(ConfigMap), "kubectl-create", T1, "v1");
        var edited = (JsonObject)created.DeepClone();
        edited["data"]!["a"] = "changed";

        var result = ManagedFieldsTracker.RecordUpdate(created, edited, "kubectl-edit", T2, "v1");

        Json.Equal("""{"f:data":{"f:a":{}}}""", Json.FieldsOf(result, "kubectl-edit", "Update"));
        Json.Equal("""{"f:data":{".":{},"f:b":{}},"f:metadata":{"f:labels":{".":{},"f:app":{}}}}""", Json.FieldsOf(result, "kubectl-create", "Update"));
    }

    [Fact]
    public void Update_that_changes_nothing_leaves_managed_fields_as_they_were()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object(ConfigMap), "kubectl-create", T1, "v1");

        var result = ManagedFieldsTracker.RecordUpdate(created, (JsonObject)created.DeepClone(), "someone", T2, "v1");

        Assert.True(JsonNode.DeepEquals(created, result), result.ToJsonString());
    }

    [Fact]
    public void Removed_field_leaves_its_owners_and_an_emptied_entry_goes()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object("""{"metadata":{"name":"c"},"data":{"a":"1"}}"""), "creator", T1, "v1");
        var patched = ManagedFieldsTracker.RecordUpdate(created, Json.Object("""{"metadata":{"name":"c"},"data":{"a":"1","b":"2"}}"""), "patcher", T2, "v1");
        var withoutB = (JsonObject)patched.DeepClone();
        withoutB["data"]!.AsObject().Remove("b");

        var result = ManagedFieldsTracker.RecordUpdate(patched, withoutB, "creator", T2, "v1");

        Assert.Null(Json.FieldsOf(result, "patcher", "Update"));
        Assert.Single(Json.ManagedFields(result));
    }

    [Fact]
    public void Same_manager_keeps_one_entry_per_api_version_and_subresource()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object("""{"metadata":{"name":"d"},"spec":{"replicas":1}}"""), "controller", T1, "apps/v1");
        var withStatus = Json.Object("""{"metadata":{"name":"d"},"spec":{"replicas":1},"status":{"replicas":1}}""");
        withStatus["metadata"]!["managedFields"] = Json.At(created, "/metadata/managedFields")!.DeepClone();

        var result = ManagedFieldsTracker.RecordUpdate(created, withStatus, "controller", T2, "apps/v1", "status");

        var entries = Json.ManagedFields(result);
        Assert.Equal([null, "status"], entries.Select(e => (string?)e["subresource"]));
        Json.Equal("""{"f:spec":{"f:replicas":{}}}""", entries[0]["fieldsV1"]);
        Json.Equal("""{"f:status":{"f:replicas":{}}}""", entries[1]["fieldsV1"]);
    }

    [Fact]
    public void Managed_fields_sent_with_the_write_replace_the_stored_ones()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object(ConfigMap), "kubectl-client-side-apply", T1, "v1");
        var migrated = (JsonObject)created.DeepClone();
        var entry = migrated["metadata"]!["managedFields"]![0]!.AsObject();
        entry["manager"] = "kubectl";
        entry["operation"] = "Apply";

        var result = ManagedFieldsTracker.RecordUpdate(created, migrated, "kubectl", T2, "v1");

        var only = Assert.Single(Json.ManagedFields(result));
        Assert.Equal(("kubectl", "Apply"), ((string?)only["manager"], (string?)only["operation"]));
    }

    [Fact]
    public void A_single_empty_entry_clears_managed_fields()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object(ConfigMap), "kubectl-create", T1, "v1");
        var reset = (JsonObject)created.DeepClone();
        reset["metadata"]!["managedFields"] = new JsonArray(new JsonObject());

        var result = ManagedFieldsTracker.RecordUpdate(created, reset, "someone", T2, "v1");

        Assert.Empty(Json.ManagedFields(result));
        Assert.False(result["metadata"]!.AsObject().ContainsKey("managedFields"));
    }
}
