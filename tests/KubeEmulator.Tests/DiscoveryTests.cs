using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Tests;

public sealed class DiscoveryTests
{
    private static readonly ResourceType WidgetV1 = new("example.com", "v1", "Widget", "widgets", "widget", ["wd"], true, true, Categories: ["all"]);
    private static readonly ResourceType WidgetV1Beta1 = WidgetV1 with { Version = "v1beta1" };
    private static readonly ResourceType WidgetV2Alpha1 = WidgetV1 with { Version = "v2alpha1" };

    [Fact]
    public void Version_claims_kubernetes_1_32()
    {
        var version = Discovery.Version();

        Assert.Equal("v1.32.0", (string?)version["gitVersion"]);
        Assert.Equal("1", (string?)version["major"]);
        Assert.Equal("32", (string?)version["minor"]);
    }

    [Fact]
    public void Core_versions_name_v1_and_the_server_address()
    {
        var versions = Discovery.CoreVersions("127.0.0.1:6443");

        Assert.Equal("APIVersions", (string?)versions["kind"]);
        Assert.Equal(["v1"], versions["versions"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("127.0.0.1:6443", (string?)versions["serverAddressByClientCIDRs"]![0]!["serverAddress"]);
    }

    [Fact]
    public void Group_list_prefers_the_GA_version_over_beta_and_alpha()
    {
        var list = Discovery.GroupList([.. BuiltInResources.All, WidgetV1Beta1, WidgetV2Alpha1, WidgetV1]);

        var group = list["groups"]!.AsArray().Single(g => (string?)g!["name"] == "example.com")!;
        Assert.Equal("example.com/v1", (string?)group["preferredVersion"]!["groupVersion"]);
        Assert.Equal(["v1", "v1beta1", "v2alpha1"], group["versions"]!.AsArray().Select(v => (string?)v!["version"]));
        Assert.DoesNotContain(list["groups"]!.AsArray(), g => (string?)g!["name"] == "");
    }

    [Fact]
    public void Resource_list_has_names_verbs_and_a_status_subresource_entry()
    {
        var list = Discovery.ResourceList("apps", "v1", BuiltInResources.All)!;

        Assert.Equal("APIResourceList", (string?)list["kind"]);
        Assert.Equal("apps/v1", (string?)list["groupVersion"]);
        var resources = list["resources"]!.AsArray();
        var deployments = resources.Single(r => (string?)r!["name"] == "deployments")!;
        Assert.Equal("deployment", (string?)deployments["singularName"]);
        Assert.True((bool)deployments["namespaced"]!);
        Assert.Equal("Deployment", (string?)deployments["kind"]);
        Assert.Equal(["deploy"], deployments["shortNames"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["all"], deployments["categories"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], deployments["verbs"]!.AsArray().Select(s => (string?)s));
        Assert.False(string.IsNullOrEmpty((string?)deployments["storageVersionHash"]));
        var status = resources.Single(r => (string?)r!["name"] == "deployments/status")!;
        Assert.Equal(["get", "patch", "update"], status["verbs"]!.AsArray().Select(s => (string?)s));
        Assert.DoesNotContain(resources, r => (string?)r!["name"] == "controllerrevisions/status");
    }

    [Fact]
    public void Group_version_that_is_not_served_has_no_resource_list()
    {
        Assert.Null(Discovery.ResourceList("apps", "v1beta1", BuiltInResources.All));
        Assert.Null(Discovery.ResourceList("example.com", "v1", BuiltInResources.All));
    }

    [Fact]
    public void Aggregated_discovery_of_groups_has_scope_response_kind_subresources_and_freshness()
    {
        var list = Discovery.Aggregated(core: false, [.. BuiltInResources.All, WidgetV1]);

        Assert.Equal("APIGroupDiscoveryList", (string?)list["kind"]);
        Assert.Equal("apidiscovery.k8s.io/v2", (string?)list["apiVersion"]);
        var apps = Group(list, "apps");
        var version = apps["versions"]![0]!;
        Assert.Equal("v1", (string?)version["version"]);
        Assert.Equal("Current", (string?)version["freshness"]);
        var deployments = version["resources"]!.AsArray().Single(r => (string?)r!["resource"] == "deployments")!;
        Assert.Equal("Namespaced", (string?)deployments["scope"]);
        Assert.Equal("deployment", (string?)deployments["singularResource"]);
        Assert.Equal("Deployment", (string?)deployments["responseKind"]!["kind"]);
        Assert.Equal("status", (string?)deployments["subresources"]![0]!["subresource"]);
        var crds = Group(list, "apiextensions.k8s.io")["versions"]![0]!["resources"]![0]!;
        Assert.Equal("Cluster", (string?)crds["scope"]);
        Assert.Equal(["crd", "crds"], crds["shortNames"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("widgets", (string?)Group(list, "example.com")["versions"]![0]!["resources"]![0]!["resource"]);
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["metadata"]!["name"] is null);
    }

    [Fact]
    public void Workloads_and_custom_resources_with_a_scale_advertise_an_autoscaling_v1_scale_subresource()
    {
        var scalableWidget = WidgetV1 with { Scale = new ScaleSubresource(".spec.size", ".status.size", null) };

        var legacy = Discovery.ResourceList("apps", "v1", BuiltInResources.All)!["resources"]!.AsArray();
        var aggregated = Discovery.Aggregated(core: false, [.. BuiltInResources.All, scalableWidget]);

        var scale = legacy.Single(r => (string?)r!["name"] == "deployments/scale")!;
        Assert.Equal(("autoscaling", "v1", "Scale"), ((string?)scale["group"], (string?)scale["version"], (string?)scale["kind"]));
        Assert.Equal(["get", "patch", "update"], scale["verbs"]!.AsArray().Select(s => (string?)s));
        Assert.Contains(legacy, r => (string?)r!["name"] == "replicasets/scale");
        Assert.Contains(legacy, r => (string?)r!["name"] == "statefulsets/scale");
        Assert.DoesNotContain(legacy, r => (string?)r!["name"] == "daemonsets/scale");
        var widgets = Group(aggregated, "example.com")["versions"]![0]!["resources"]![0]!;
        var widgetScale = widgets["subresources"]!.AsArray().Single(s => (string?)s!["subresource"] == "scale")!;
        Assert.Equal("autoscaling", (string?)widgetScale["responseKind"]!["group"]);
        Assert.Equal("Scale", (string?)widgetScale["responseKind"]!["kind"]);
    }

    [Fact]
    public void Aggregated_discovery_of_the_core_group_has_only_v1_resources()
    {
        var list = Discovery.Aggregated(core: true, BuiltInResources.All);

        var item = Assert.Single(list["items"]!.AsArray())!;
        var resources = item["versions"]![0]!["resources"]!.AsArray().Select(r => (string?)r!["resource"]).ToList();
        Assert.Contains("pods", resources);
        Assert.Contains("namespaces", resources);
        Assert.DoesNotContain("deployments", resources);
    }

    [Fact]
    public void Service_accounts_serve_the_token_subresource_and_authentication_serves_create_only_reviews()
    {
        var core = Discovery.ResourceList("", "v1", BuiltInResources.All)!["resources"]!.AsArray();
        var authentication = Discovery.ResourceList("authentication.k8s.io", "v1", BuiltInResources.All)!["resources"]!.AsArray();
        var aggregated = Discovery.Aggregated(core: true, BuiltInResources.All)["items"]![0]!["versions"]![0]!["resources"]!.AsArray()
            .Single(r => (string?)r!["resource"] == "serviceaccounts")!;

        var token = core.Single(r => (string?)r!["name"] == "serviceaccounts/token")!;
        Assert.Equal("authentication.k8s.io", (string?)token["group"]);
        Assert.Equal("TokenRequest", (string?)token["kind"]);
        Assert.Equal(["create"], token["verbs"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("token", (string?)aggregated["subresources"]![0]!["subresource"]);
        Assert.Equal(["selfsubjectreviews", "tokenreviews"], authentication.Select(r => (string?)r!["name"]));
        Assert.All(authentication, r => Assert.Equal(["create"], r!["verbs"]!.AsArray().Select(v => (string?)v)));
    }

    private static JsonNode Group(JsonObject list, string name) =>
        list["items"]!.AsArray().Single(i => (string?)i!["metadata"]!["name"] == name)!;
}
