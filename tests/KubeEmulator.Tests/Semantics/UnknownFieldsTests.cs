using KubeEmulator.Api;
using KubeEmulator.Semantics;

namespace KubeEmulator.Tests.Semantics;

public class UnknownFieldsTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","labels":{"anything/goes":"x"},"managedFields":[{"manager":"m","fieldsV1":{"f:spec":{"f:anything":{}}}}]},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                 "strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"containers":[{"name":"web","image":"nginx","resources":{"limits":{"cpu":"500m","memory":"1Gi"}},
                                                    "ports":[{"containerPort":80}],"readinessProbe":{"httpGet":{"port":"http"}}}]}}},
         "status":{"replicas":1}}
        """;

    [Fact]
    public void Known_fields_of_every_shape_are_accepted()
    {
        var obj = Kinds.Parse(Deployment);

        Assert.Empty(UnknownFields.Find(Kinds.Of(obj), obj));
    }

    [Theory]
    [InlineData("spec", "replicasx", "spec.replicasx")]
    [InlineData("metadata", "nmae", "metadata.nmae")]
    [InlineData("spec.template.spec.containers.0", "redinessProbe", "spec.template.spec.containers[0].redinessProbe")]
    [InlineData("spec.template.spec.containers.0.ports.0", "port", "spec.template.spec.containers[0].ports[0].port")]
    [InlineData("spec.strategy.rollingUpdate", "maxSurges", "spec.strategy.rollingUpdate.maxSurges")]
    public void Unknown_field_is_named_by_its_path(string parent, string field, string expected)
    {
        var obj = Kinds.Parse(Deployment);
        Kinds.At(obj, parent)!.AsObject()[field] = 1;

        Assert.Equal([expected], UnknownFields.Find(Kinds.Of(obj), obj));
    }

    [Fact]
    public void Secret_data_and_crd_schemas_accept_their_free_form_content()
    {
        var secret = Kinds.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"any-key":"eA=="},"stringData":{"k":"v"}}""");
        var crd = Kinds.Parse("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","kind":"Widget"},
                     "versions":[{"name":"v1","served":true,"storage":true,
                                  "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
                                            "properties":{"spec":{"type":"object","default":{"a":1},
                                                                  "properties":{"size":{"type":"integer","minimum":1}}}}}}}]}}
            """);

        Assert.Empty(UnknownFields.Find(Kinds.Of(secret), secret));
        Assert.Empty(UnknownFields.Find(Kinds.Of(crd), crd));
    }

    [Fact]
    public void Custom_resources_have_no_model_and_report_nothing()
    {
        var type = new ResourceType("example.com", "v1", "Widget", "widgets", "widget", [], true, false);

        Assert.Empty(UnknownFields.Find(type, Kinds.Parse("""{"spec":{"whatever":1}}""")));
    }

    [Fact]
    public void Strict_error_and_warning_read_like_the_real_server()
    {
        var type = Kinds.Get("apps/v1", "Deployment");

        Assert.Equal(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.foo\", unknown field \"spec.bar\"",
            UnknownFields.StrictErrorMessage(type, ["spec.foo", "spec.bar"]));
        Assert.Equal("unknown field \"spec.foo\"", UnknownFields.WarningMessage("spec.foo"));
    }
}
