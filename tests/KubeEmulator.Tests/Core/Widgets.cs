using System.Text.Json;
using k8s;
using k8s.Models;

namespace KubeEmulator.Tests.Core;

/// <summary>A small CRD (widgets.example.com, v1 and v2, status subresource, printer column) for the tests.</summary>
internal static class Widgets
{
    public const string Group = "example.com";
    public const string Plural = "widgets";

    public const string CrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: widgets
            singular: widget
            kind: Widget
            shortNames: [wd]
            categories: [all]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size:
                        type: integer
                        minimum: 1
                        maximum: 10
                      color:
                        type: string
                        default: blue
                  status:
                    type: object
                    properties:
                      phase:
                        type: string
          - name: v2
            served: true
            storage: false
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;

    public static async Task DefineAsync(IKubernetes client)
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(CrdYaml);
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
    }

    public static object Widget(string name, int size, object? extra = null) => new Dictionary<string, object?>
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new Dictionary<string, object> { ["name"] = name },
        ["spec"] = extra ?? new Dictionary<string, object> { ["size"] = size },
    };

    public static JsonElement Json(object answer) => JsonSerializer.SerializeToElement(answer);
}
