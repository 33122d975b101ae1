using System.Text.Json.Nodes;

namespace KubeEmulator.Tests.Kubectl;

/// <summary>
/// Server-side apply with two managers owning the same fields: a field one of them stops applying stays while
/// another manager (an applier, or an Update manager) still owns it, and goes when the last owner drops it.
/// </summary>
public sealed class KubectlSharedOwnershipTests(KubectlSessionFixture fixture) : IClassFixture<KubectlSessionFixture>
{
    private KubectlSession Session => fixture.Session;

    [Fact]
    public async Task Field_one_applier_drops_stays_owned_by_the_other_and_goes_when_both_drop_it()
    {
        const string name = "shared-data";
        await ApplyAsync("alice", ConfigMap(name, "a: \"1\", b: \"2\""));
        await ApplyAsync("bob", ConfigMap(name, "a: \"1\""));

        await ApplyAsync("bob", ConfigMap(name, "c: \"3\""));
        var afterBob = await GetAsync("configmap", name);

        Assert.Equal("1", (string?)afterBob["data"]!["a"]);
        Assert.Equal("""{"f:data":{"f:a":{},"f:b":{}}}""", FieldsOf(afterBob, "alice"));
        Assert.Equal("""{"f:data":{"f:c":{}}}""", FieldsOf(afterBob, "bob"));

        await ApplyAsync("alice", ConfigMap(name, "b: \"2\""));
        var afterBoth = await GetAsync("configmap", name);

        Assert.Equal("""{"b":"2","c":"3"}""", afterBoth["data"]!.ToJsonString());
        Assert.Equal("""{"f:data":{"f:b":{}}}""", FieldsOf(afterBoth, "alice"));
    }

    [Fact]
    public async Task Keyed_list_items_stay_while_another_applier_owns_them()
    {
        const string name = "shared-items";
        await ApplyAsync("alice", Deployment(name, """
                  - name: web
                    image: nginx
                    env: [ { name: A, value: "1" }, { name: B, value: "2" } ]
                  - name: sidecar
                    image: busybox
            """));
        await ApplyAsync("bob", Deployment(name, """
                  - name: web
                    image: nginx
                    env: [ { name: A, value: "1" } ]
            """));

        await ApplyAsync("alice", Deployment(name, """
                  - name: sidecar
                    image: busybox
            """));
        var afterAlice = await GetAsync("deployment", name);

        var containers = afterAlice["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web", "sidecar"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("""[{"name":"A","value":"1"}]""", containers[0]!["env"]!.ToJsonString());
        Assert.Equal(["""k:{"name":"sidecar"}"""], ContainersOwnedBy(afterAlice, "alice"));
        Assert.Equal(["""k:{"name":"web"}"""], ContainersOwnedBy(afterAlice, "bob"));

        await ApplyAsync("bob", Deployment(name, """
                  - name: sidecar
                    image: busybox
            """));
        var afterBoth = await GetAsync("deployment", name);

        Assert.Equal(["sidecar"], afterBoth["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public async Task Field_an_update_manager_also_owns_stays_when_the_applier_drops_it()
    {
        const string name = "created-then-applied";
        await Session.MustRunAsync("create", "-f", Session.WriteManifest(ConfigMap(name, "a: \"1\", b: \"2\"")));
        await ApplyAsync("alice", ConfigMap(name, "a: \"1\", b: \"2\""));

        await ApplyAsync("alice", ConfigMap(name, "b: \"2\""));
        var configMap = await GetAsync("configmap", name);

        Assert.Equal("""{"a":"1","b":"2"}""", configMap["data"]!.ToJsonString());
        Assert.Equal("""{"f:data":{"f:b":{}}}""", FieldsOf(configMap, "alice"));
        Assert.Equal("""{"f:data":{".":{},"f:a":{},"f:b":{}}}""", FieldsOf(configMap, "kubectl-create"));
    }

    [Fact]
    public async Task Label_selector_is_one_field_for_ownership_and_conflicts()
    {
        const string name = "atomic-selector";
        await ApplyAsync("alice", Deployment(name, """
                  - name: web
                    image: nginx
            """));
        var wider = Session.WriteManifest($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: {{name}}, namespace: default }
            spec:
              selector: { matchLabels: { app: {{name}}, tier: front } }
            """);

        var result = await Session.Kubectl.RunAsync("apply", "--server-side", "--field-manager", "bob", "-f", wider);
        var deployment = await GetAsync("deployment", name);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Apply failed with 1 conflict: conflict with \"alice\": .spec.selector\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{}", JsonNode.Parse(FieldsOf(deployment, "alice"))!["f:spec"]!["f:selector"]!.ToJsonString());
    }

    private Task ApplyAsync(string manager, string manifest) =>
        Session.MustRunAsync("apply", "--server-side", "--field-manager", manager, "-f", Session.WriteManifest(manifest));

    private async Task<JsonObject> GetAsync(string kind, string name) =>
        JsonNode.Parse((await Session.MustRunAsync("get", kind, name, "-o", "json", "--show-managed-fields")).Stdout)!.AsObject();

    private static string FieldsOf(JsonObject obj, string manager) =>
        obj["metadata"]!["managedFields"]!.AsArray().Single(e => (string?)e!["manager"] == manager)!["fieldsV1"]!.ToJsonString();

    private static IEnumerable<string> ContainersOwnedBy(JsonObject obj, string manager) =>
        JsonNode.Parse(FieldsOf(obj, manager))!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!.AsObject().Select(p => p.Key);

    private static string ConfigMap(string name, string data) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: {{name}}, namespace: default }
        data: { {{data}} }
        """;

    private static string Deployment(string name, string containers) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: {{name}}, namespace: default }
        spec:
          selector: { matchLabels: { app: {{name}} } }
          template:
            metadata: { labels: { app: {{name}} } }
            spec:
              containers:
        {{containers}}
        """;
}
