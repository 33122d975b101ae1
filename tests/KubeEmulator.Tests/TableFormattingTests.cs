using System.Text.Json.Nodes;
using KubeEmulator.Api.Tables;

namespace KubeEmulator.Tests;

public sealed class TableFormattingTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(300, "5m")]
    [InlineData(303, "5m3s")]
    [InlineData(45 * 60, "45m")]
    [InlineData(3 * 3600 + 20 * 60, "3h20m")]
    [InlineData(10 * 3600, "10h")]
    [InlineData(3 * 86400 + 5 * 3600, "3d5h")]
    [InlineData(30 * 86400, "30d")]
    [InlineData(800 * 86400, "2y70d")]
    [InlineData(-5, "<invalid>")]
    public void Ages_print_as_the_server_prints_them(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(".spec.url", "\"https://x\"")]
    [InlineData("{.spec.url}", "\"https://x\"")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "\"True\"")]
    [InlineData(".status.conditions[?(@.type!='Ready')].reason", "\"Pending\"")]
    [InlineData(".status.conditions[1].type", "\"Ready\"")]
    [InlineData(".status.conditions[-1].type", "\"Ready\"")]
    [InlineData(".status.conditions[*].type", "\"Synced\"")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "\"web\"")]
    [InlineData(".spec.replicas", "3")]
    [InlineData(".spec.nothing", "null")]
    [InlineData(".status.conditions[?(@.observed==2)].type", "\"Synced\"")]
    public void Printer_column_paths_select_the_first_match(string path, string expected)
    {
        var obj = JsonNode.Parse("""
            {"metadata":{"labels":{"app.kubernetes.io/name":"web"}},"spec":{"url":"https://x","replicas":3},
             "status":{"conditions":[{"type":"Synced","status":"False","reason":"Pending","observed":2},{"type":"Ready","status":"True"}]}}
            """);

        Assert.Equal(expected, JsonPathEvaluator.First(obj, path)?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Wildcard_selects_every_element()
    {
        var obj = JsonNode.Parse("""{"items":[{"n":1},{"n":2},{"m":3}]}""");

        Assert.Equal(["1", "2"], JsonPathEvaluator.Evaluate(obj, ".items[*].n").Select(n => n!.ToJsonString()));
    }
}
