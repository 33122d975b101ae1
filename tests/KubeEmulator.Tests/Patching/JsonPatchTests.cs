using KubeEmulator.Patching;

namespace KubeEmulator.Tests.Patching;

public class JsonPatchTests
{
    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":2}]""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/a","value":{"x":true}}]""", """{"a":{"x":true}}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [InlineData("""{"l":[1,2]}""", """[{"op":"add","path":"/l/1","value":9}]""", """{"l":[1,9,2]}""")]
    [InlineData("""{"l":[1,2]}""", """[{"op":"add","path":"/l/-","value":3}]""", """{"l":[1,2,3]}""")]
    [InlineData("""{"l":[1,2,3]}""", """[{"op":"remove","path":"/l/0"}]""", """{"l":[2,3]}""")]
    [InlineData("""{"l":[1,2,3]}""", """[{"op":"replace","path":"/l/1","value":7}]""", """{"l":[1,7,3]}""")]
    [InlineData("""{"a":{"b":1},"c":{}}""", """[{"op":"move","from":"/a/b","path":"/c/d"}]""", """{"a":{},"c":{"d":1}}""")]
    [InlineData("""{"a":[1,{"x":2}]}""", """[{"op":"copy","from":"/a/1","path":"/b"}]""", """{"a":[1,{"x":2}],"b":{"x":2}}""")]
    [InlineData("""{"a/b":1,"m~n":2}""", """[{"op":"replace","path":"/a~1b","value":3},{"op":"remove","path":"/m~0n"}]""", """{"a/b":3}""")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a","value":1},{"op":"add","path":"/b","value":2}]""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"","value":{"z":0}}]""", """{"z":0}""")]
    public void Operations_follow_rfc_6902(string document, string operations, string expected)
    {
        var result = JsonPatch.Apply(Json.Object(document), Json.Array(operations));

        Json.Equal(expected, result);
    }

    [Theory]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""")]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/missing","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/missing/child","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/l/5","value":1}]""")]
    [InlineData("""[{"op":"remove","path":"/l/-"}]""")]
    [InlineData("""[{"op":"move","from":"/o","path":"/o/inner"}]""")]
    [InlineData("""[{"op":"jump","path":"/a"}]""")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/b"}]""")]
    public void Operation_that_does_not_apply_is_unprocessable(string operations)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(Json.Object("""{"a":1,"l":[0],"o":{}}"""), Json.Array(operations)));

        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public void Failed_test_names_the_path()
    {
        var error = Assert.Throws<PatchException>(() =>
            JsonPatch.Apply(Json.Object("""{"metadata":{"resourceVersion":"5"}}"""), Json.Array("""[{"op":"test","path":"/metadata/resourceVersion","value":"4"}]""")));

        Assert.Contains("/metadata/resourceVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Original_document_is_left_untouched()
    {
        var document = Json.Object("""{"a":{"b":1}}""");

        JsonPatch.Apply(document, Json.Array("""[{"op":"remove","path":"/a/b"}]"""));

        Json.Equal("""{"a":{"b":1}}""", document);
    }

    [Fact]
    public void Failing_operation_leaves_no_partial_result_in_the_original()
    {
        var document = Json.Object("""{"a":1}""");

        Assert.Throws<PatchException>(() => JsonPatch.Apply(document, Json.Array("""[{"op":"add","path":"/b","value":2},{"op":"test","path":"/a","value":0}]""")));

        Json.Equal("""{"a":1}""", document);
    }
}
