using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Tests;

public sealed class TableConverterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);

    private static ResourceType Type(string kind) => BuiltInResources.All.First(t => t.Kind == kind);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Deployment_table_has_ready_up_to_date_available_and_age()
    {
        var deployment = Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","creationTimestamp":"2026-01-02T11:55:00Z"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[{"name":"web","image":"nginx"}]}}},
             "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}}
            """);

        var table = TableConverter.ToTable(Type("Deployment"), [deployment], null, "42", null, null, Now);

        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)table["apiVersion"]);
        Assert.Equal(["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"], Names(table));
        Assert.Equal("name", (string?)table["columnDefinitions"]![0]!["format"]);
        Assert.Equal(1, (int)table["columnDefinitions"]![5]!["priority"]!);
        Assert.Equal("""["web","2/3",3,2,"5m","web","nginx","app=web"]""", table["rows"]![0]!["cells"]!.ToJsonString());
        Assert.Equal("42", (string?)table["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public void Service_table_shows_type_cluster_ip_external_ip_and_ports()
    {
        var service = Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","creationTimestamp":"2026-01-01T12:00:00Z"},
             "spec":{"type":"NodePort","clusterIP":"10.0.0.7","selector":{"app":"web"},"ports":[{"port":80,"nodePort":30080,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}}
            """);

        var table = TableConverter.ToTable(Type("Service"), [service], null, null, null, null, Now);

        Assert.Equal(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"], Names(table));
        Assert.Equal("""["web","NodePort","10.0.0.7","\u003Cnone\u003E","80:30080/TCP,53/UDP","24h","app=web"]""", table["rows"]![0]!["cells"]!.ToJsonString());
    }

    [Fact]
    public void Pod_table_counts_ready_containers_and_restarts_with_the_last_restart_age()
    {
        var pod = Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","creationTimestamp":"2026-01-02T10:00:00Z"},
             "spec":{"containers":[{"name":"a"},{"name":"b"}],"nodeName":"node-1"},
             "status":{"phase":"Running","podIP":"10.1.0.4","containerStatuses":[
               {"name":"a","ready":true,"restartCount":1,"lastState":{"terminated":{"exitCode":1,"finishedAt":"2026-01-02T11:50:00Z"}}},
               {"name":"b","ready":false,"restartCount":2,"state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}}
            """);

        var table = TableConverter.ToTable(Type("Pod"), [pod], null, null, null, null, Now);

        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node"], Names(table));
        Assert.Equal("""["p","1/2","OOMKilled","3 (10m ago)","120m","10.1.0.4","node-1"]""", table["rows"]![0]!["cells"]!.ToJsonString());
    }

    [Fact]
    public void Terminating_pod_says_so_whatever_its_phase()
    {
        var pod = Parse("""{"metadata":{"name":"p","deletionTimestamp":"2026-01-02T11:59:00Z"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Running"}}""");

        var cells = TableConverter.ToTable(Type("Pod"), [pod], null, null, null, null, Now)["rows"]![0]!["cells"]!;

        Assert.Equal("Terminating", (string?)cells[2]);
        Assert.Equal("0", (string?)cells[3]);
    }

    [Theory]
    [InlineData("ConfigMap", """{"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}""", """["cm",3,"2d"]""")]
    [InlineData("Secret", """{"type":"kubernetes.io/tls","data":{"tls.crt":"AA==","tls.key":"AA=="}}""", """["cm","kubernetes.io/tls",2,"2d"]""")]
    [InlineData("Namespace", """{"status":{"phase":"Terminating"}}""", """["cm","Terminating","2d"]""")]
    [InlineData("Job", """{"spec":{"completions":2},"status":{"succeeded":2,"startTime":"2025-12-31T12:00:00Z","completionTime":"2025-12-31T12:03:10Z","conditions":[{"type":"Complete","status":"True"}]}}""", """["cm","Complete","2/2","3m10s","2d","","",""]""")]
    [InlineData("Role", "{}", """["cm","2d"]""")]
    public void Common_kinds_have_their_usual_cells(string kind, string body, string expectedCells)
    {
        var obj = Parse(body);
        obj["metadata"] = Parse("""{"name":"cm","creationTimestamp":"2025-12-31T12:00:00Z"}""");

        var table = TableConverter.ToTable(Type(kind), [obj], null, null, null, null, Now);

        Assert.Equal(expectedCells, table["rows"]![0]!["cells"]!.ToJsonString().Replace("\\u003Cnone\\u003E", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Custom_resource_columns_come_from_the_printer_columns_with_dates_as_ages()
    {
        var widget = new ResourceType("example.com", "v1", "Widget", "widgets", "widget", [], true, true);
        var obj = Parse("""
            {"metadata":{"name":"w","creationTimestamp":"2026-01-02T09:00:00Z"},"spec":{"url":"https://x","replicas":2},
             "status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}
            """);
        PrinterColumn[] columns =
        [
            new("URL", "string", ".spec.url"),
            new("Replicas", "integer", ".spec.replicas", Priority: 1),
            new("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
            new("Missing", "string", ".status.nothing"),
            new("Age", "date", ".metadata.creationTimestamp"),
        ];

        var table = TableConverter.ToTable(widget, [obj], columns, null, null, null, Now);

        Assert.Equal(["Name", "URL", "Replicas", "Ready", "Missing", "Age"], Names(table));
        Assert.Equal("""["w","https://x",2,"True",null,"3h"]""", table["rows"]![0]!["cells"]!.ToJsonString());
    }

    [Fact]
    public void Custom_resource_without_printer_columns_gets_name_and_age()
    {
        var widget = new ResourceType("example.com", "v1", "Widget", "widgets", "widget", [], true, true);

        var table = TableConverter.ToTable(widget, [], [], null, null, null, Now);

        Assert.Equal(["Name", "Age"], Names(table));
        Assert.Empty(table["rows"]!.AsArray());
    }

    [Theory]
    [InlineData(null, "PartialObjectMetadata")]
    [InlineData("Metadata", "PartialObjectMetadata")]
    [InlineData("Object", "ConfigMap")]
    public void Rows_carry_partial_metadata_or_the_whole_object(string? includeObject, string expectedKind)
    {
        var configMap = Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns","labels":{"x":"y"}},"data":{"k":"v"}}""");

        var row = TableConverter.ToTable(Type("ConfigMap"), [configMap], null, null, null, includeObject, Now)["rows"]![0]!;

        Assert.Equal(expectedKind, (string?)row["object"]!["kind"]);
        Assert.Equal("ns", (string?)row["object"]!["metadata"]!["namespace"]);
        Assert.Equal("y", (string?)row["object"]!["metadata"]!["labels"]!["x"]);
        Assert.Equal(includeObject == "Object", row["object"]!["data"] is not null);
    }

    [Fact]
    public void Rows_have_no_object_when_none_is_asked_for_and_the_continue_token_is_kept()
    {
        var configMap = Parse("""{"metadata":{"name":"a"}}""");

        var table = TableConverter.ToTable(Type("ConfigMap"), [configMap], null, "9", "next-page", "None", Now);

        Assert.Null(table["rows"]![0]!["object"]);
        Assert.Equal("next-page", (string?)table["metadata"]!["continue"]);
    }

    private static string[] Names(JsonObject table) => [.. table["columnDefinitions"]!.AsArray().Select(c => (string)c!["name"]!)];
}
