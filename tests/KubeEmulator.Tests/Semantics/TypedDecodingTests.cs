using k8s.Models;
using KubeEmulator.Patching;
using KubeEmulator.Semantics.Typing;

namespace KubeEmulator.Tests.Semantics;

/// <summary>The three ways the real server types a built-in object, each with its own wording.</summary>
public class TypedDecodingTests
{
    [Theory]
    [InlineData("""{"spec":{"replicas":"3"}}""", "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("""{"spec":{"replicas":1.5}}""", "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("""{"spec":{"replicas":3000000000}}""", "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32")]
    [InlineData("""{"spec":{"paused":"true"}}""", "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool")]
    [InlineData("""{"spec":"web"}""", "json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec")]
    [InlineData("""{"metadata":{"labels":["a"]}}""", "json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":{"name":"web"}}}}}""", "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":"http"}]}]}}}}""", "json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":7}]}}}}""", "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.name of type string")]
    [InlineData("""{"spec":{"strategy":{"rollingUpdate":{"maxSurge":true}}}}""", "json: cannot unmarshal bool into Go value of type int32")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","resources":{"limits":{"cpu":"lots"}}}]}}}}""", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    public void Decoder_names_the_first_wrong_value_as_encoding_json_does(string json, string expected)
    {
        Assert.Equal(expected, JsonDecoding.FirstError(typeof(V1Deployment), Kinds.Parse(json)));
    }

    [Theory]
    [InlineData("""{"spec":{"replicas":3,"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},"template":{"spec":{"containers":[{"name":"web","resources":{"limits":{"cpu":1,"memory":"1Gi"}}}]}}}}""")]
    [InlineData("""{"spec":{"replicas":null,"unknown":"anything"},"metadata":{"creationTimestamp":null}}""")]
    public void Decoder_accepts_values_of_their_fields_types(string json)
    {
        Assert.Null(JsonDecoding.FirstError(typeof(V1Deployment), Kinds.Parse(json)));
    }

    [Theory]
    [InlineData("""{"data":{"a":"bm90IGJhc2U2NA=="}}""", null)]
    [InlineData("""{"data":{"a":"plain text"}}""", "illegal base64 data at input byte 5")]
    [InlineData("""{"data":{"a":"abc"}}""", "illegal base64 data at input byte 0")]
    [InlineData("""{"data":{"a":"abcde==="}}""", "illegal base64 data at input byte 5")]
    [InlineData("""{"data":{"a":1}}""", "json: cannot unmarshal number into Go struct field Secret.data of type []uint8")]
    public void Secret_data_must_be_base64(string json, string? expected)
    {
        Assert.Equal(expected, JsonDecoding.FirstError(typeof(V1Secret), Kinds.Parse(json)));
    }

    [Theory]
    [InlineData("""{"spec":{"replicas":"lots"}}""", "unrecognized type: int32")]
    [InlineData("""{"spec":{"replicas":1.5}}""", "cannot convert float64 to int32")]
    [InlineData("""{"spec":{"replicas":2.0}}""", null)]
    [InlineData("""{"spec":{"template":{"spec":{"containers":"web"}}}}""", "cannot restore slice from string")]
    [InlineData("""{"spec":{"selector":[]}}""", "cannot restore struct from: slice")]
    [InlineData("""{"metadata":{"labels":"a"}}""", "cannot restore map from string")]
    public void Converter_after_a_strategic_merge_patch_words_errors_as_the_unstructured_converter(string json, string? expected)
    {
        Assert.Equal(expected, UnstructuredDecoding.FirstError(typeof(V1Deployment), Kinds.Parse(json)));
    }

    [Theory]
    [InlineData("""{"data":{"a":5}}""", "cannot convert int64 to string")]
    [InlineData("""{"data":{"a":false}}""", "unrecognized type: string")]
    public void Converter_refuses_non_string_configmap_values(string json, string expected)
    {
        Assert.Equal(expected, UnstructuredDecoding.FirstError(typeof(V1ConfigMap), Kinds.Parse(json)));
    }

    [Theory]
    [InlineData("""{"spec":{"replicas":"lots"}}""", ".spec.replicas: expected numeric (int or float), got string")]
    [InlineData("""{"spec":{"replicas":true}}""", ".spec.replicas: expected numeric (int or float), got bool")]
    [InlineData("""{"spec":{"replicas":{"a":1}}}""", ".spec.replicas: expected numeric (int or float), got map[string]interface {}")]
    [InlineData("""{"spec":{"paused":"no"}}""", ".spec.paused: expected boolean, got &{no}")]
    [InlineData("""{"spec":{"selector":"app=web"}}""", ".spec.selector: expected map, got &{app=web}")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":{"name":"web"}}}}}""", ".spec.template.spec.containers: expected list, got &{map[name:web]}")]
    [InlineData("""{"spec":{"strategy":{"rollingUpdate":{"maxSurge":["1"]}}}}""", ".spec.strategy.rollingUpdate.maxSurge: expected any scalar, got &{[1]}")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":1.5}]}}}}""", """.spec.template.spec.containers[name="web"].image: expected string, got &value.valueUnstructured{Value:1.5}""")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"web","args":[1]}]}}}}""", """.spec.template.spec.containers[name="web"].args[0]: expected string, got &value.valueUnstructured{Value:1}""")]
    [InlineData("""{"spec":{"replicas":3,"strategy":{"rollingUpdate":{"maxSurge":true}}}}""", null)]
    [InlineData("""{"spec":{"replicas":3,"replicaz":{"a":1}}}""", ".spec.replicaz: field not declared in schema")]
    [InlineData("""{"spec":{"replicas":"3","paused":1}}""", "errors:\n  .spec.replicas: expected numeric (int or float), got string\n  .spec.paused: expected boolean, got &{1}")]
    public void Apply_type_check_words_errors_as_structured_merge_diff(string json, string? expected)
    {
        Assert.Equal(expected, ApplyTyping.Errors(typeof(V1Deployment), Kinds.Parse(json), BuiltInListKeys.Instance));
    }
}
