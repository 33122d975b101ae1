using System.Text.Json.Nodes;
using KubeEmulator.Patching;

namespace KubeEmulator.Tests.Patching;

public class MergePatchTests
{
    // The examples of RFC 7386, appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Patch_merges_as_rfc_7386_says(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target)!, JsonNode.Parse(patch)!);

        Json.Equal(expected, result);
    }

    [Fact]
    public void Lists_are_replaced_not_merged()
    {
        var result = MergePatch.Apply(
            Json.Object("""{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}"""),
            Json.Object("""{"spec":{"containers":[{"name":"a","image":"z"}]}}"""));

        Json.Equal("""{"spec":{"containers":[{"name":"a","image":"z"}]}}""", result);
    }
}
