using System.Text.Json.Nodes;
using KubeEmulator.Api;

namespace KubeEmulator.Tests;

/// <summary>kubectl get prints the server's Tables.</summary>
public sealed class ApiKubectlGetTests
{
    [Fact]
    public async Task Get_pods_prints_ready_status_restarts_and_age()
    {
        await using var server = ApiTestServer.Start();
        server.Put(JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"default","creationTimestamp":"CREATED"},
             "spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]},
             "status":{"phase":"Running","containerStatuses":[{"name":"a","ready":true,"restartCount":2},{"name":"b","ready":false,"restartCount":1,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
            """.Replace("CREATED", Ago(TimeSpan.FromHours(10)), StringComparison.Ordinal))!.AsObject());
        using var kubectl = new ApiKubectl(server.Url);

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("get", "pods");

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE"], Columns(lines[0]));
        Assert.Equal(["web-1", "1/2", "CrashLoopBackOff", "3", "10h"], Columns(lines[1]));
    }

    [Fact]
    public async Task Get_custom_resources_prints_the_printer_columns()
    {
        var widget = new ResourceType("example.com", "v1", "Widget", "widgets", "widget", ["wd"], true, true);
        await using var server = ApiTestServer.Start([.. BuiltInResources.All, widget]);
        server.Put(JsonNode.Parse("""
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"default","creationTimestamp":"CREATED"},
             "spec":{"url":"https://example.com"},"status":{"conditions":[{"type":"Other","status":"False"},{"type":"Ready","status":"True"}]}}
            """.Replace("CREATED", Ago(TimeSpan.FromHours(10)), StringComparison.Ordinal))!.AsObject());
        server.PrinterColumns[widget] =
        [
            new("URL", "string", ".spec.url"),
            new("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
            new("Age", "date", ".metadata.creationTimestamp"),
        ];
        using var kubectl = new ApiKubectl(server.Url);

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("get", "wd");

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(["NAME", "URL", "READY", "AGE"], Columns(lines[0]));
        Assert.Equal(["w1", "https://example.com", "True", "10h"], Columns(lines[1]));
    }

    private static string Ago(TimeSpan age) => (DateTimeOffset.UtcNow - age).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
