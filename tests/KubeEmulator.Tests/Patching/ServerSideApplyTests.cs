using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeEmulator.Patching;

namespace KubeEmulator.Tests.Patching;

public class ServerSideApplyTests
{
    private static readonly DateTimeOffset T1 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Web = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web"}},
           "spec":{"containers":[{"name":"web","image":"nginx:1","ports":[{"containerPort":80}]}]}}}}
        """;

    private const string WebFields = """
        {"f:metadata":{"f:labels":{"f:app":{}}},
         "f:spec":{"f:replicas":{},"f:selector":{},
          "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
           "f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},
             "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}
        """;

    [Fact]
    public void Apply_creates_the_object_and_records_the_managers_fields()
    {
        var result = Apply(null, Web, "a");

        Assert.Empty(result.Conflicts);
        Assert.Equal("nginx:1", (string?)Json.At(result.Object, "/spec/template/spec/containers/0/image"));
        var entry = Assert.Single(Json.ManagedFields(result.Object));
        Assert.Equal("a", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.Equal("2026-01-02T03:04:05Z", (string?)entry["time"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        Json.Equal(WebFields, entry["fieldsV1"]);
    }

    [Fact]
    public void Keyed_item_lists_itself_first_as_the_real_server_writes_it()
    {
        var fields = Json.FieldsOf(Apply(null, Web, "a").Object, "a")!;

        var containers = fields["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!.ToJsonString(Relaxed);

        Assert.StartsWith("""{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},"f:ports":""", containers, StringComparison.Ordinal);
    }

    [Fact]
    public void Finalizers_are_owned_item_by_item_as_a_set()
    {
        var result = Apply(null, """{"metadata":{"name":"x","finalizers":["example.com/a","example.com/b"]}}""", "a");

        Json.Equal("""{"f:metadata":{"f:finalizers":{"v:\"example.com/a\"":{},"v:\"example.com/b\"":{}}}}""", Json.FieldsOf(result.Object, "a"));
    }

    [Fact]
    public void Reapplying_the_same_configuration_changes_nothing()
    {
        var first = Apply(null, Web, "a").Object;

        var second = Apply(first, Web, "a", now: T2).Object;

        Assert.True(JsonNode.DeepEquals(first, second), second.ToJsonString());
    }

    [Fact]
    public void Field_no_longer_applied_is_removed()
    {
        var first = Apply(null, """{"metadata":{"name":"web","labels":{"app":"web","tier":"front"}},"spec":{"replicas":2,"paused":true}}""", "a").Object;

        var second = Apply(first, """{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"paused":true}}""", "a", now: T2).Object;

        Assert.Null(Json.At(second, "/metadata/labels/tier"));
        Assert.Null(Json.At(second, "/spec/replicas"));
        Assert.Equal("web", (string?)Json.At(second, "/metadata/labels/app"));
        Json.Equal("""{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:paused":{}}}""", Json.FieldsOf(second, "a"));
    }

    [Fact]
    public void Item_no_longer_applied_leaves_the_list()
    {
        var first = Apply(null, """{"spec":{"containers":[{"name":"web","image":"nginx:1"},{"name":"sidecar","image":"envoy:1"}]}}""", "a").Object;

        var second = Apply(first, """{"spec":{"containers":[{"name":"web","image":"nginx:1"}]}}""", "a", now: T2).Object;

        Json.Equal("""[{"name":"web","image":"nginx:1"}]""", Json.At(second, "/spec/containers"));
    }

    [Fact]
    public void Field_no_longer_applied_stays_when_another_manager_owns_it()
    {
        var byA = Apply(null, Web, "a").Object;
        var shared = Apply(byA, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}""", "hpa");
        Assert.Empty(shared.Conflicts);

        var withoutReplicas = Apply(shared.Object, Web.Replace("\"replicas\":2,", "", StringComparison.Ordinal), "a", now: T2).Object;

        Assert.Equal(2, (int?)Json.At(withoutReplicas, "/spec/replicas"));
        Assert.Null(Json.FieldsOf(withoutReplicas, "a")!["f:spec"]!["f:replicas"]);
        Json.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.FieldsOf(withoutReplicas, "hpa"));
    }

    [Theory]
    [InlineData("""{"spec":{"replicas":3}}""", ".spec.replicas")]
    [InlineData("""{"metadata":{"labels":{"app":"other"}}}""", ".metadata.labels.app")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}}}""", """.spec.template.spec.containers[name="web"].image""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"hostPort":81}]}]}}}}""", null)]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}}}""", null)]
    public void Different_value_for_a_field_another_manager_owns_is_a_conflict(string applied, string? path)
    {
        var live = Apply(null, Web, "a").Object;

        var result = Apply(live, applied, "b", now: T2);

        if (path is null)
        {
            Assert.Empty(result.Conflicts);
        }
        else
        {
            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal(new FieldConflict("a", path), conflict);
            Assert.True(JsonNode.DeepEquals(live, result.Object), "a conflict stores nothing");
        }
    }

    [Fact]
    public void Conflict_on_an_atomic_list_names_the_whole_list()
    {
        var live = Apply(null, """{"spec":{"tolerations":[{"key":"a","operator":"Exists"}]}}""", "a").Object;

        var result = Apply(live, """{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}""", "b");

        Assert.Equal([new FieldConflict("a", ".spec.tolerations")], result.Conflicts);
    }

    [Fact]
    public void Same_value_is_shared_without_conflict()
    {
        var live = Apply(null, Web, "a").Object;

        var result = Apply(live, """{"spec":{"replicas":2}}""", "b", now: T2);

        Assert.Empty(result.Conflicts);
        Assert.NotNull(Json.FieldsOf(result.Object, "a")!["f:spec"]!["f:replicas"]);
        Json.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.FieldsOf(result.Object, "b"));
    }

    [Fact]
    public void Label_selector_is_owned_and_replaced_as_one_value()
    {
        var live = Apply(null, Web, "a").Object;
        const string WiderSelector = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web","tier":"front"}}}}""";

        var conflicts = Apply(live, WiderSelector, "b", now: T2).Conflicts;
        var forced = Apply(live, WiderSelector, "b", force: true, now: T2).Object;
        var narrowed = Apply(forced, WiderSelector.Replace(",\"tier\":\"front\"", "", StringComparison.Ordinal), "b", now: T2).Object;

        Assert.Equal([new FieldConflict("a", ".spec.selector")], conflicts);
        Json.Equal("""{"f:spec":{"f:selector":{}}}""", Json.FieldsOf(forced, "b"));
        Assert.Null(Json.FieldsOf(forced, "a")!["f:spec"]!["f:selector"]);
        Json.Equal("""{"matchLabels":{"app":"web"}}""", Json.At(narrowed, "/spec/selector"));
    }

    [Fact]
    public void Force_takes_the_field_and_its_ownership()
    {
        var live = Apply(null, Web, "a").Object;

        var forced = Apply(live, """{"spec":{"replicas":5}}""", "b", force: true, now: T2).Object;

        Assert.Equal(5, (int?)Json.At(forced, "/spec/replicas"));
        Assert.Null(Json.FieldsOf(forced, "a")!["f:spec"]!["f:replicas"]);
        Assert.NotNull(Json.FieldsOf(forced, "a")!["f:spec"]!["f:selector"]);
        Json.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.FieldsOf(forced, "b"));
        Assert.Equal([new FieldConflict("b", ".spec.replicas")], Apply(forced, Web, "a").Conflicts);
    }

    [Fact]
    public void Kubectl_client_side_apply_then_server_side_apply_from_another_manager()
    {
        var created = JsonNode.Parse(Web)!.AsObject();
        created["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = Web };
        var live = ManagedFieldsTracker.RecordUpdate(null, created, "kubectl-client-side-apply", T1, "apps/v1");

        var conflicting = Apply(live, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":3}}""", "b", now: T2);
        var agreeing = Apply(live, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}""", "b", now: T2);
        var forced = Apply(live, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":3}}""", "b", force: true, now: T2);

        var conflict = Assert.Single(conflicting.Conflicts);
        Assert.Equal(("kubectl-client-side-apply", ".spec.replicas", "apps/v1"), (conflict.Manager, conflict.Path, conflict.UpdateApiVersion));
        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas",
            ApplyConflictMessage.For(conflicting.Conflicts));
        Assert.Empty(agreeing.Conflicts);
        Assert.Equal(3, (int?)Json.At(forced.Object, "/spec/replicas"));
        var clientSide = Json.FieldsOf(forced.Object, "kubectl-client-side-apply", "Update")!;
        Assert.Null(clientSide["f:spec"]!["f:replicas"]);
        Assert.NotNull(clientSide["f:metadata"]!["f:annotations"]);
        Assert.Equal("nginx:1", (string?)Json.At(forced.Object, "/spec/template/spec/containers/0/image"));
    }

    [Fact]
    public void Kubectl_takes_over_fields_its_client_side_apply_set_and_rewrites_the_annotation()
    {
        var live = ClientSideApplied(Web);
        var changedImage = Web.Replace("nginx:1", "nginx:2", StringComparison.Ordinal);

        var result = Apply(live, changedImage, "kubectl", now: T2);

        Assert.Empty(result.Conflicts);
        Assert.Equal("nginx:2", (string?)Json.At(result.Object, "/spec/template/spec/containers/0/image"));
        var annotation = (string?)result.Object["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"];
        Json.Equal(changedImage, JsonNode.Parse(annotation!));
        Assert.Single(Apply(live, changedImage, "b", now: T2).Conflicts);
    }

    [Fact]
    public void Kubectl_still_conflicts_on_a_field_changed_after_its_client_side_apply()
    {
        var live = ClientSideApplied(Web);
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["replicas"] = 5;
        var afterEdit = ManagedFieldsTracker.RecordUpdate(live, edited, "kubectl-edit", T2, "apps/v1");

        var result = Apply(afterEdit, Web.Replace("\"replicas\":2", "\"replicas\":3", StringComparison.Ordinal), "kubectl", now: T2);

        Assert.Equal([new FieldConflict("kubectl-edit", ".spec.replicas") { UpdateApiVersion = "apps/v1" }], result.Conflicts);
    }

    [Fact]
    public void Migrated_ownership_of_whole_maps_removes_only_fields_no_longer_applied()
    {
        var live = ClientSideApplied(Web);
        var migrated = (JsonObject)live.DeepClone();
        var entry = migrated["metadata"]!["managedFields"]![0]!.AsObject();
        entry["manager"] = "kubectl";
        entry["operation"] = "Apply";

        var same = Apply(migrated, Web, "kubectl", now: T2).Object;
        var fewer = Apply(migrated, """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"labels":{"app":"web"}},
               "spec":{"containers":[{"name":"web","image":"nginx:1","ports":[{"containerPort":80}]}]}}}}
            """, "kubectl", now: T2).Object;

        Json.Equal("""{"matchLabels":{"app":"web"}}""", Json.At(same, "/spec/selector"));
        Json.Equal("""{"matchLabels":{"app":"web"}}""", Json.At(fewer, "/spec/selector"));
        Assert.Null(Json.At(fewer, "/spec/replicas"));
        Assert.Null(Json.At(fewer, "/metadata/labels"));
        Assert.Equal("web", (string?)Json.At(fewer, "/spec/template/metadata/labels/app"));
    }

    [Fact]
    public void Another_managers_list_item_survives_a_reapply()
    {
        var byA = Apply(null, Web, "a").Object;
        var withSidecar = Apply(byA, """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"envoy:1"}]}}}}""", "mesh").Object;

        var reapplied = Apply(withSidecar, Web.Replace("nginx:1", "nginx:2", StringComparison.Ordinal), "a", now: T2).Object;

        Assert.Equal(["web", "sidecar"], Json.At(reapplied, "/spec/template/spec/containers")!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal("nginx:2", (string?)Json.At(reapplied, "/spec/template/spec/containers/0/image"));
    }

    [Theory]
    [InlineData("a,b", "a,x,b")]
    [InlineData("b,a", "x,b,a")]
    [InlineData("a,c,b", "a,x,c,b")]
    [InlineData("c", "x,c")]
    public void Applied_order_wins_for_the_items_it_names_and_other_items_keep_their_place(string applied, string expected)
    {
        var byA = Apply(null, Containers("a,b"), "a").Object;
        var withX = Apply(byA, Containers("a,x,b"), "a", now: T2).Object;
        var shared = Apply(withX, Containers("x"), "other", now: T2).Object;

        var result = Apply(shared, Containers(applied), "a", now: T2).Object;

        Assert.Equal(expected, string.Join(",", Json.At(result, "/spec/containers")!.AsArray().Select(c => (string?)c!["name"])));
    }

    [Fact]
    public void Identity_and_server_metadata_are_not_owned_or_overwritten()
    {
        var live = Apply(null, Web, "a").Object;
        live["metadata"]!["uid"] = "u-1";
        live["metadata"]!["resourceVersion"] = "7";
        var applied = Web.Replace("\"namespace\":\"default\"", "\"namespace\":\"default\",\"uid\":\"other\",\"resourceVersion\":\"7\",\"generation\":4", StringComparison.Ordinal);

        var result = Apply(live, applied, "a", now: T2).Object;

        Assert.Equal("u-1", (string?)Json.At(result, "/metadata/uid"));
        Assert.Null(Json.At(result, "/metadata/generation"));
        var metadata = Json.FieldsOf(result, "a")!["f:metadata"]!.AsObject();
        Assert.Equal(["f:labels"], metadata.Select(p => p.Key));
    }

    [Fact]
    public void Applied_configuration_with_managed_fields_is_a_bad_request()
    {
        var error = Assert.Throws<PatchException>(() => Apply(null, """{"metadata":{"name":"x","managedFields":[]}}""", "a"));

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Time_moves_only_when_the_object_or_the_managers_fields_change()
    {
        var first = Apply(null, Web, "a").Object;
        var shared = Apply(first, """{"spec":{"replicas":2}}""", "b").Object;

        var unchanged = Apply(shared, Web, "a", now: T2).Object;
        var changed = Apply(shared, Web.Replace("nginx:1", "nginx:2", StringComparison.Ordinal), "a", now: T2).Object;
        var fewerFields = Apply(shared, Web.Replace("\"replicas\":2,", "", StringComparison.Ordinal), "a", now: T2).Object;

        Assert.Equal("2026-01-02T03:04:05Z", TimeOf(unchanged, "a"));
        Assert.Equal("2026-01-02T03:09:05Z", TimeOf(changed, "a"));
        Assert.Equal(2, (int?)Json.At(fewerFields, "/spec/replicas"));
        Assert.Equal("2026-01-02T03:09:05Z", TimeOf(fewerFields, "a"));
    }

    [Fact]
    public void Apply_entries_come_before_update_entries()
    {
        var created = ManagedFieldsTracker.RecordUpdate(null, Json.Object("""{"metadata":{"name":"c"},"data":{"a":"1"}}"""), "kubectl-create", T1, "v1");

        var applied = Apply(created, """{"metadata":{"name":"c"},"data":{"b":"2"}}""", "z", now: T2).Object;

        Assert.Equal(["Apply", "Update"], Json.ManagedFields(applied).Select(e => (string?)e["operation"]));
    }

    [Fact]
    public void Several_conflicts_are_listed_by_manager()
    {
        IReadOnlyList<FieldConflict> conflicts =
        [
            new FieldConflict("b", ".spec.replicas"),
            new FieldConflict("a", ".spec.paused"),
            new FieldConflict("b", ".metadata.labels.app"),
        ];

        Assert.Equal(
            "Apply failed with 3 conflicts: conflicts with \"a\":\n- .spec.paused\nconflicts with \"b\":\n- .spec.replicas\n- .metadata.labels.app",
            ApplyConflictMessage.For(conflicts));
    }

    [Fact]
    public void Edit_of_an_applied_field_takes_it_over_so_the_next_apply_conflicts()
    {
        var live = Apply(null, Web, "a").Object;
        var edited = (JsonObject)live.DeepClone();
        edited["spec"]!["replicas"] = 7;
        var afterEdit = ManagedFieldsTracker.RecordUpdate(live, edited, "kubectl-edit", T2, "apps/v1");

        var result = Apply(afterEdit, Web, "a", now: T2);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("kubectl-edit", ".spec.replicas"), (conflict.Manager, conflict.Path));
        Assert.Equal("conflict with \"kubectl-edit\" using apps/v1", ApplyConflictMessage.CauseFor(conflict));
    }

    [Fact]
    public void Service_ports_of_the_same_number_differ_by_protocol()
    {
        const string Dns = """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"dns"},
             "spec":{"ports":[{"name":"dns","port":53,"protocol":"UDP"},{"name":"dns-tcp","port":53}]}}
            """;

        var result = Apply(null, Dns, "a").Object;

        Json.Equal("""
            {"k:{\"port\":53,\"protocol\":\"TCP\"}":{".":{},"f:name":{},"f:port":{}},
             "k:{\"port\":53,\"protocol\":\"UDP\"}":{".":{},"f:name":{},"f:port":{},"f:protocol":{}}}
            """, Json.FieldsOf(result, "a")!["f:spec"]!["f:ports"]);
    }

    [Fact]
    public void Keyed_item_without_its_key_is_unprocessable()
    {
        var error = Assert.Throws<PatchException>(() => Apply(null, """{"spec":{"containers":[{"image":"nginx"}]}}""", "a"));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(".spec.containers: element 0: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)", error.Message);
    }

    [Fact]
    public void Metadata_lists_merge_by_the_built_in_keys_whatever_the_kinds_schema_says()
    {
        var live = ServerSideApply.Apply(null, Json.Object("""{"metadata":{"name":"x","finalizers":["a.io/one"]}}"""),
            new ApplyRequest("a", false, new NoListKeys(), T1, "example.com/v1")).Object;

        var result = ServerSideApply.Apply(live, Json.Object("""{"metadata":{"name":"x","finalizers":["b.io/two"]}}"""),
            new ApplyRequest("b", false, new NoListKeys(), T2, "example.com/v1"));

        Assert.Empty(result.Conflicts);
        Json.Equal("""["a.io/one","b.io/two"]""", Json.At(result.Object, "/metadata/finalizers"));
    }

    private sealed class NoListKeys : IListKeyResolver
    {
        public IReadOnlyList<string>? KeysFor(IReadOnlyList<string> fieldPath) => null;

        public bool IsSet(IReadOnlyList<string> fieldPath) => false;
    }

    private static string Containers(string names) =>
        new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray([.. names.Split(',').Select(name => (JsonNode)new JsonObject { ["name"] = name, ["image"] = name + ":1" })]),
            },
        }.ToJsonString();

    private static JsonObject ClientSideApplied(string manifest)
    {
        var created = JsonNode.Parse(manifest)!.AsObject();
        created["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = manifest };
        return ManagedFieldsTracker.RecordUpdate(null, created, "kubectl-client-side-apply", T1, "apps/v1");
    }

    private static string? TimeOf(JsonObject obj, string manager) =>
        (string?)Json.ManagedFields(obj).Single(entry => (string?)entry["manager"] == manager)["time"];

    private static ApplyResult Apply(JsonObject? live, string applied, string manager, bool force = false, DateTimeOffset? now = null) =>
        ServerSideApply.Apply(
            (JsonObject?)live?.DeepClone(),
            Json.Object(applied),
            new ApplyRequest(manager, force, BuiltInListKeys.Instance, now ?? T1, "apps/v1"));
}
