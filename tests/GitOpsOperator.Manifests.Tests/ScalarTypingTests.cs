using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

public class ScalarTypingTests
{
    [Theory]
    [InlineData("yes", "true")]
    [InlineData("Yes", "true")]
    [InlineData("YES", "true")]
    [InlineData("y", "true")]
    [InlineData("Y", "true")]
    [InlineData("on", "true")]
    [InlineData("ON", "true")]
    [InlineData("True", "true")]
    [InlineData("no", "false")]
    [InlineData("n", "false")]
    [InlineData("off", "false")]
    [InlineData("Off", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("yEs", "\"yEs\"")]
    [InlineData("oN", "\"oN\"")]
    [InlineData("'yes'", "\"yes\"")]
    [InlineData("\"on\"", "\"on\"")]
    [InlineData("!!str yes", "\"yes\"")]
    public async Task Yaml_1_1_booleans_are_typed_as_kubectl_types_them(string yaml, string expectedJson) =>
        await AssertValueAsync(yaml, expectedJson);

    [Theory]
    [InlineData("0755", "493")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("-0x10", "-16")]
    [InlineData("0b101", "5")]
    [InlineData("1_000", "1000")]
    [InlineData("+42", "42")]
    [InlineData("08", "8")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("1.0", "1")]
    [InlineData("1e400", "\"1e400\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("2024-01-02", "\"2024-01-02\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("'0755'", "\"0755\"")]
    [InlineData("!!int '0x10'", "16")]
    [InlineData("!!float 3", "3")]
    public async Task Numbers_follow_go_integer_and_float_syntax(string yaml, string expectedJson) =>
        await AssertValueAsync(yaml, expectedJson);

    [Theory]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("", "null")]
    [InlineData("nULL", "\"nULL\"")]
    [InlineData("''", "\"\"")]
    [InlineData("!!binary aGVsbG8=", "\"hello\"")]
    [InlineData("!custom text", "\"text\"")]
    public async Task Nulls_tags_and_strings_resolve_like_go_yaml_v2(string yaml, string expectedJson) =>
        await AssertValueAsync(yaml, expectedJson);

    [Fact]
    public async Task Large_integers_beyond_int64_become_floats_as_kubectl_makes_them()
    {
        var json = await RenderHelper.RenderConfigMapWithAsync("  max: 18446744073709551615\n  above: 9223372036854775808\n  signed: +9223372036854775808\n");

        Assert.Equal(1.8446744073709552E+19, json["data"]!["max"]!.GetValue<double>());
        Assert.Equal(9.223372036854775808E+18, json["data"]!["above"]!.GetValue<double>());
        Assert.Equal(9.223372036854775808E+18, json["data"]!["signed"]!.GetValue<double>());
    }

    [Fact]
    public async Task Mapping_keys_that_resolve_to_booleans_and_numbers_become_their_string_form()
    {
        var json = await RenderHelper.RenderConfigMapWithAsync("  on: a\n  1: b\n  0x10: c\n  1.5: d\n  1e6: e\n");

        var data = json["data"]!.AsObject();
        Assert.Equal(["true", "1", "16", "1.5", "1e+06"], data.Select(pair => pair.Key));
    }

    [Fact]
    public async Task Block_scalars_stay_strings()
    {
        var json = await RenderHelper.RenderConfigMapWithAsync("  literal: |\n    123\n  folded: >-\n    yes\n    no\n");

        Assert.Equal("123\n", json["data"]!["literal"]!.GetValue<string>());
        Assert.Equal("yes no", json["data"]!["folded"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anchors_aliases_and_merge_keys_expand_with_later_keys_winning()
    {
        var json = await RenderHelper.RenderConfigMapWithAsync(
            "  base: &base {a: '1', b: '2'}\n  copy: *base\n  merged:\n    <<: *base\n    b: '3'\n  list:\n    <<: [{a: first}, {a: second, c: '4'}]\n");

        var data = json["data"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"1","b":"2"}"""), data["copy"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"1","b":"3"}"""), data["merged"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"first","c":"4"}"""), data["list"]));
    }

    private static async Task AssertValueAsync(string yaml, string expectedJson)
    {
        var json = await RenderHelper.RenderConfigMapWithAsync($"  value: {yaml}\n");

        Assert.Equal(expectedJson, json["data"]!["value"]?.ToJsonString() ?? "null");
    }
}
