using KubeEmulator.Patching;

namespace KubeEmulator.Tests.Patching;

public class StrategicMergePatchTests
{
    private const string Deployment = """
        {"metadata":{"name":"web","labels":{"app":"web","tier":"front"},"finalizers":["a","b"]},
         "spec":{"replicas":2,"template":{"spec":{
           "containers":[
             {"name":"web","image":"nginx:1","args":["-a","-b"],"ports":[{"containerPort":80,"protocol":"TCP"}],
              "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
             {"name":"sidecar","image":"envoy:1"}],
           "tolerations":[{"key":"k1","operator":"Exists"}]}}}}
        """;

    [Theory]
    [InlineData("""{"spec":{"replicas":3}}""", "/spec/replicas", "3")]
    [InlineData("""{"metadata":{"labels":{"tier":null,"new":"x"}}}""", "/metadata/labels", """{"app":"web","new":"x"}""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}}}""", "/spec/template/spec/containers",
        """[{"name":"web","image":"nginx:2","args":["-a","-b"],"ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"sidecar","image":"envoy:1"}]""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"log","image":"fluent:1"}]}}}}""", "/spec/template/spec/containers/2", """{"name":"log","image":"fluent:1"}""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}""", "/spec/template/spec/containers/1", null)]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","args":["-c"]}]}}}}""", "/spec/template/spec/containers/0/args", """["-c"]""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}}""",
        "/spec/template/spec/containers/0/env", """[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"name":"http"}]}]}}}}""",
        "/spec/template/spec/containers/0/ports", """[{"containerPort":80,"protocol":"TCP","name":"http"}]""")]
    [InlineData("""{"spec":{"template":{"spec":{"tolerations":[{"key":"k2","operator":"Exists"}]}}}}""", "/spec/template/spec/tolerations", """[{"key":"k2","operator":"Exists"}]""")]
    [InlineData("""{"metadata":{"finalizers":["b","c"]}}""", "/metadata/finalizers", """["a","b","c"]""")]
    [InlineData("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""", "/metadata/finalizers", """["b"]""")]
    [InlineData("""{"metadata":{"labels":{"$patch":"replace","only":"this"}}}""", "/metadata/labels", """{"only":"this"}""")]
    [InlineData("""{"metadata":{"labels":{"$patch":"delete"}}}""", "/metadata/labels", null)]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"solo","image":"s:1"}]}}}}""", "/spec/template/spec/containers", """[{"name":"solo","image":"s:1"}]""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"merge","image":"nginx:3"}]}}}}""", "/spec/template/spec/containers/0/image", "\"nginx:3\"")]
    public void Patch_merges_strategically(string patch, string pointer, string? expected)
    {
        var result = StrategicMergePatch.Apply(Json.Object(Deployment), Json.Object(patch), BuiltInListKeys.Instance);

        var actual = Json.At(result, pointer);
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Json.Equal(expected, actual);
        }
    }

    [Fact]
    public void Retain_keys_drops_the_fields_not_listed()
    {
        var original = Json.Object("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""");
        var patch = Json.Object("""{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

        var result = StrategicMergePatch.Apply(original, patch, BuiltInListKeys.Instance);

        Json.Equal("""{"spec":{"strategy":{"type":"Recreate"}}}""", result);
    }

    [Fact]
    public void Set_element_order_reorders_the_list_and_never_reaches_the_result()
    {
        var original = Json.Object("""{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}""");
        var patch = Json.Object("""
            {"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"b"},{"name":"a"}],
                     "containers":[{"name":"c","image":"c:1"}]}}
            """);

        var result = StrategicMergePatch.Apply(original, patch, BuiltInListKeys.Instance);

        Json.Equal("""{"spec":{"containers":[{"name":"c","image":"c:1"},{"name":"b","image":"b:1"},{"name":"a","image":"a:1"}]}}""", result);
    }

    [Fact]
    public void Directives_inside_new_fields_are_not_stored()
    {
        var result = StrategicMergePatch.Apply(
            Json.Object("""{"spec":{}}"""),
            Json.Object("""{"spec":{"selector":{"$patch":"replace","matchLabels":{"app":"x"}},"volumes":[{"name":"v","emptyDir":{}},{"name":"gone","$patch":"delete"}]}}"""),
            BuiltInListKeys.Instance);

        Json.Equal("""{"spec":{"selector":{"matchLabels":{"app":"x"}},"volumes":[{"name":"v","emptyDir":{}}]}}""", result);
    }

    [Fact]
    public void Keyed_list_item_without_its_key_is_unprocessable()
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(
            Json.Object(Deployment),
            Json.Object("""{"spec":{"template":{"spec":{"containers":[{"image":"nginx:2"}]}}}}"""),
            BuiltInListKeys.Instance));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_patch_directive_is_unprocessable()
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(
            Json.Object(Deployment), Json.Object("""{"metadata":{"labels":{"$patch":"explode"}}}"""), BuiltInListKeys.Instance));

        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public void Service_ports_merge_by_port_and_protocol()
    {
        var original = Json.Object("""{"spec":{"ports":[{"port":53,"protocol":"TCP","name":"dns-tcp"},{"port":53,"protocol":"UDP","name":"dns"}]}}""");
        var patch = Json.Object("""{"spec":{"ports":[{"port":53,"protocol":"UDP","targetPort":5353}]}}""");

        var result = StrategicMergePatch.Apply(original, patch, BuiltInListKeys.Instance);

        Json.Equal("""{"spec":{"ports":[{"port":53,"protocol":"TCP","name":"dns-tcp"},{"port":53,"protocol":"UDP","name":"dns","targetPort":5353}]}}""", result);
    }

    [Fact]
    public void Original_object_is_left_untouched()
    {
        var original = Json.Object(Deployment);

        StrategicMergePatch.Apply(original, Json.Object("""{"spec":{"replicas":9}}"""), BuiltInListKeys.Instance);

        Json.Equal(Deployment, original);
    }
}
