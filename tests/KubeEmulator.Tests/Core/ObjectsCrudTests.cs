using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

public sealed class ObjectsCrudTests
{
    private static V1ConfigMap ConfigMap(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Data = new Dictionary<string, string> { ["key"] = value },
    };

    [Fact]
    public async Task Created_object_gets_server_metadata_and_can_be_read_back()
    {
        await using var cluster = await Quiet.StartAsync();

        var created = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default");
        var read = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default");

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Null(created.Metadata.Generation);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("a", read.Data["key"]);
    }

    [Fact]
    public async Task Every_write_takes_the_next_global_resource_version()
    {
        await using var cluster = await Quiet.StartAsync();

        var first = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("one", "a"), "default");
        var second = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("two", "a"), "default");

        Assert.True(long.Parse(second.Metadata.ResourceVersion) > long.Parse(first.Metadata.ResourceVersion));
        Assert.Equal(cluster.ResourceVersion, long.Parse(second.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Generate_name_creates_a_unique_name_with_the_prefix()
    {
        await using var cluster = await Quiet.StartAsync();
        var body = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "job-" } };

        var first = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(body, "default");
        var second = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(body, "default");

        Assert.StartsWith("job-", first.Metadata.Name);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task Update_replaces_the_object_and_delete_removes_it()
    {
        await using var cluster = await Quiet.StartAsync();
        var created = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default");

        created.Data["key"] = "b";
        var updated = await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "default");
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("settings", "default");

        Assert.Equal("b", updated.Data["key"]);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("configmaps \\\"settings\\\" not found", missing.Response.Content);
    }

    [Fact]
    public async Task Stale_resource_version_update_is_a_conflict()
    {
        await using var cluster = await Quiet.StartAsync();
        var created = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default");
        var stale = created.Metadata.ResourceVersion;
        created.Data["key"] = "b";
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "default");

        created.Data["key"] = "c";
        created.Metadata.ResourceVersion = stale;
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "default"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("Operation cannot be fulfilled on configmaps \\\"settings\\\": the object has been modified; please apply your changes to the latest version and try again", error.Response.Content);
    }

    [Fact]
    public async Task Generation_moves_only_when_something_other_than_metadata_or_status_changes()
    {
        await using var cluster = await Quiet.StartAsync();
        var deployment = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(Workload.Deployment("web", "nginx:1.27"), "default");

        deployment.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a" };
        var relabelled = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(deployment, "web", "default");
        relabelled.Spec.Replicas = 3;
        var scaled = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(relabelled, "web", "default");

        Assert.Equal(1, relabelled.Metadata.Generation);
        Assert.Equal(2, scaled.Metadata.Generation);
    }

    [Fact]
    public async Task Status_sent_to_the_main_resource_is_ignored_and_spec_sent_to_status_is_ignored()
    {
        await using var cluster = await Quiet.StartAsync();
        var deployment = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(Workload.Deployment("web", "nginx:1.27"), "default");

        deployment.Status = new V1DeploymentStatus { Replicas = 7 };
        var afterMain = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentAsync(deployment, "web", "default");
        var replicasAfterMain = afterMain.Status?.Replicas;
        afterMain.Status = new V1DeploymentStatus { Replicas = 1, ObservedGeneration = 1 };
        afterMain.Spec.Replicas = 9;
        var afterStatus = await cluster.Client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(afterMain, "web", "default");

        Assert.Null(replicasAfterMain);
        Assert.Equal(1, afterStatus.Status.Replicas);
        Assert.Equal(1, afterStatus.Spec.Replicas);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_not_found()
    {
        await using var cluster = await Quiet.StartAsync();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "nowhere"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Contains("namespaces \\\"nowhere\\\" not found", error.Response.Content);
    }

    [Fact]
    public async Task Creating_twice_is_already_exists()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", error.Response.Content);
    }

    [Fact]
    public async Task Body_namespace_that_differs_from_the_url_is_a_bad_request()
    {
        await using var cluster = await Quiet.StartAsync();
        var body = ConfigMap("settings", "a");
        body.Metadata.NamespaceProperty = "kube-system";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(body, "default"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("does not match the namespace", error.Response.Content);
    }

    [Fact]
    public async Task Namespace_on_a_cluster_scoped_object_is_cleared()
    {
        await using var cluster = await Quiet.StartAsync();
        var role = new V1ClusterRole { Metadata = new V1ObjectMeta { Name = "reader", NamespaceProperty = "default" } };

        var created = await cluster.Client.RbacAuthorizationV1.CreateClusterRoleAsync(role);

        Assert.Null(created.Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task Dry_run_create_validates_and_answers_but_stores_nothing()
    {
        await using var cluster = await Quiet.StartAsync();
        var before = cluster.ResourceVersion;

        var answer = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default", dryRun: "All");

        Assert.Equal("settings", answer.Metadata.Name);
        Assert.Equal(before, cluster.ResourceVersion);
        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Invalid_name_is_refused_with_causes()
    {
        await using var cluster = await Quiet.StartAsync();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("Not_Valid", "a"), "default"));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.Contains("ConfigMap \\\"Not_Valid\\\" is invalid: metadata.name", error.Response.Content);
        Assert.Contains("\"causes\"", error.Response.Content);
    }

    [Fact]
    public async Task Finalizers_hold_a_deleted_object_until_they_are_removed()
    {
        await using var cluster = await Quiet.StartAsync();
        var body = ConfigMap("held", "a");
        body.Metadata.Finalizers = ["example.com/hold"];
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(body, "default");

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("held", "default");
        var deleting = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("held", "default");
        deleting.Metadata.Finalizers = [];
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(deleting, "held", "default");

        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("held", "default"));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_owner_collects_its_dependents_unless_orphaned()
    {
        await using var cluster = await Quiet.StartAsync();
        var owner = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner", "a"), "default");
        var orphanOwner = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("orphan-owner", "a"), "default");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(OwnedBy(ConfigMap("dependent", "a"), owner), "default");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(OwnedBy(ConfigMap("orphan", "a"), orphanOwner), "default");

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default");
        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("orphan-owner", "default", propagationPolicy: "Orphan");

        var names = (await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(i => i.Metadata.Name);
        Assert.Equal(["orphan"], names);
        var orphan = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("orphan", "default");
        Assert.Null(orphan.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Foreground_deletion_removes_dependents_with_the_owner()
    {
        await using var cluster = await Quiet.StartAsync();
        var owner = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner", "a"), "default");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(OwnedBy(ConfigMap("dependent", "a"), owner), "default");

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Foreground");

        Assert.Empty((await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
    }

    [Fact]
    public async Task Delete_collection_removes_only_the_selected_objects()
    {
        await using var cluster = await Quiet.StartAsync();
        var doomed = ConfigMap("doomed", "a");
        doomed.Metadata.Labels = new Dictionary<string, string> { ["purge"] = "yes" };
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(doomed, "default");
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("kept", "a"), "default");

        await cluster.Client.CoreV1.DeleteCollectionNamespacedConfigMapAsync("default", labelSelector: "purge=yes");

        var names = (await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Select(i => i.Metadata.Name);
        Assert.Equal(["kept"], names);
    }

    [Fact]
    public async Task Dry_run_delete_leaves_the_object()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default");

        await cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("settings", "default", dryRun: "All");

        Assert.Equal("settings", (await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default")).Metadata.Name);
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_everything_in_it()
    {
        await using var cluster = await Quiet.StartAsync();
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } });
        var body = ConfigMap("settings", "a");
        body.Metadata.NamespaceProperty = "shop";
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(body, "shop");

        await cluster.Client.CoreV1.DeleteNamespaceAsync("shop");

        var namespaces = (await cluster.Client.CoreV1.ListNamespaceAsync()).Items.Select(n => n.Metadata.Name);
        Assert.DoesNotContain("shop", namespaces);
        Assert.Empty((await cluster.Client.CoreV1.ListConfigMapForAllNamespacesAsync()).Items);
    }

    [Fact]
    public async Task Unsupported_verb_is_method_not_allowed()
    {
        await using var cluster = await Quiet.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync($"{cluster.Url}/api/v1/namespaces/default/configmaps/x", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("\"reason\":\"MethodNotAllowed\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_usual_namespaces_exist_from_the_start()
    {
        await using var cluster = await Quiet.StartAsync();

        var names = (await cluster.Client.CoreV1.ListNamespaceAsync()).Items.Select(n => n.Metadata.Name).Order();

        Assert.Equal(["default", "kube-node-lease", "kube-public", "kube-system"], names);
    }

    private static V1ConfigMap OwnedBy(V1ConfigMap dependent, V1ConfigMap owner)
    {
        dependent.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid }];
        return dependent;
    }

    [Fact]
    public async Task Only_kinds_whose_spec_is_reconciled_carry_a_generation()
    {
        await using var cluster = await Quiet.StartAsync();
        await Widgets.DefineAsync(cluster.Client);

        var configMap = await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("settings", "a"), "default");
        configMap.Data["key"] = "b";
        var changedConfigMap = await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, "settings", "default");
        var service = await cluster.Client.CoreV1.CreateNamespacedServiceAsync(Service("web"), "default");
        var deployment = await cluster.Client.AppsV1.CreateNamespacedDeploymentAsync(Workload.Deployment("web", "nginx:1.27"), "default");
        var widget = Widgets.Json(await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widgets.Widget("w1", 3), Widgets.Group, "v1", "default", Widgets.Plural));

        Assert.Null(configMap.Metadata.Generation);
        Assert.Null(changedConfigMap.Metadata.Generation);
        Assert.Null(service.Metadata.Generation);
        Assert.Equal(1, deployment.Metadata.Generation);
        Assert.Equal(1, widget.GetProperty("metadata").GetProperty("generation").GetInt64());
    }

    [Fact]
    public async Task Strict_unknown_field_error_names_the_kind_and_version_as_the_real_server_does()
    {
        await using var cluster = await Quiet.StartAsync();
        using var http = new HttpClient();
        const string body = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"foo":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """;

        using var response = await http.PostAsync($"{cluster.Url}/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Deployment in version \\\"v1\\\" cannot be handled as a Deployment: strict decoding error: unknown field \\\"spec.foo\\\"",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_message_quotes_the_name_as_go_does()
    {
        await using var cluster = await Quiet.StartAsync();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("bad\"name", "a"), "default"));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.StartsWith("ConfigMap \"bad\\\"name\" is invalid: metadata.name: Invalid value: ", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_a_service_without_its_allocated_fields_keeps_them()
    {
        await using var cluster = await Quiet.StartAsync();
        var nodePort = Service("web");
        nodePort.Spec.Type = "NodePort";
        var created = await cluster.Client.CoreV1.CreateNamespacedServiceAsync(nodePort, "default");
        var replacement = Service("web");
        replacement.Spec.Type = "NodePort";
        replacement.Metadata.ResourceVersion = created.Metadata.ResourceVersion;

        var replaced = await cluster.Client.CoreV1.ReplaceNamespacedServiceAsync(replacement, "web", "default");

        Assert.Equal(created.Spec.ClusterIP, replaced.Spec.ClusterIP);
        Assert.Equal(created.Spec.ClusterIPs, replaced.Spec.ClusterIPs);
        Assert.Equal(created.Spec.IpFamilies, replaced.Spec.IpFamilies);
        Assert.Equal(created.Spec.IpFamilyPolicy, replaced.Spec.IpFamilyPolicy);
        Assert.Equal(created.Spec.Ports[0].NodePort, replaced.Spec.Ports[0].NodePort);
    }

    private static V1Service Service(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = name }, Ports = [new V1ServicePort { Port = 80 }] },
    };
}
