using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Bench;

/// <summary>1,000 objects of mixed kinds: 10 Namespaces, each holding 40 ConfigMaps, 20 Secrets, 15 Services, 12 Deployments, 12 ServiceAccounts.</summary>
internal static class BenchObjects
{
    public const int Namespaces = 10;

    public static IReadOnlyList<JsonObject> Create()
    {
        var objects = new List<JsonObject>();
        for (var n = 0; n < Namespaces; n++)
        {
            var ns = $"bench-{n:D2}";
            objects.Add(Object("v1", "Namespace", null, ns));
            objects.AddRange(Enumerable.Range(0, 40).Select(i => With(Object("v1", "ConfigMap", ns, $"config-{i:D2}"), "data", new JsonObject { ["value"] = $"v{i}" })));
            objects.AddRange(Enumerable.Range(0, 20).Select(i => With(Object("v1", "Secret", ns, $"secret-{i:D2}"), "stringData", new JsonObject { ["token"] = $"t{i}" })));
            objects.AddRange(Enumerable.Range(0, 15).Select(i => With(Object("v1", "Service", ns, $"svc-{i:D2}"), "spec", Service(i))));
            objects.AddRange(Enumerable.Range(0, 12).Select(i => With(Object("apps/v1", "Deployment", ns, $"app-{i:D2}"), "spec", Deployment(i))));
            objects.AddRange(Enumerable.Range(0, 12).Select(i => Object("v1", "ServiceAccount", ns, $"sa-{i:D2}")));
        }

        return objects;
    }

    public static RenderedObject Render(JsonObject obj, string file)
    {
        var type = GroupVersionKind.FromApiVersion(obj["apiVersion"]!.GetValue<string>(), obj["kind"]!.GetValue<string>());
        var metadata = obj["metadata"]!;
        var identity = new ObjectIdentity(type.Group, type.Kind, metadata["namespace"]?.GetValue<string>() ?? "", metadata["name"]!.GetValue<string>());
        return new RenderedObject(obj, type, identity, ContentHash.Of(obj), new SourceLocation(file));
    }

    private static JsonObject Object(string apiVersion, string kind, string? ns, string name)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    private static JsonObject With(JsonObject obj, string field, JsonObject value)
    {
        obj[field] = value;
        return obj;
    }

    private static JsonObject Service(int i) => new()
    {
        ["selector"] = new JsonObject { ["app"] = $"app-{i:D2}" },
        ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }),
    };

    private static JsonObject Deployment(int i) => new()
    {
        ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = $"app-{i:D2}" } },
        ["template"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = $"app-{i:D2}" } },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "nginx:1.27" }) },
        },
    };
}
