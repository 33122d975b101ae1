using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeEmulator.Api;

/// <summary>The discovery documents kubectl and client-go read: /version, /api, /api/v1, /apis, /apis/{g}/{v}, aggregated v2.</summary>
public static class Discovery
{
    /// <summary>The Kubernetes release the emulator claims to be; kubectl warns when its minor version is more than one away.</summary>
    public const string GitVersion = "v1.32.0";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2024-12-11T00:00:00Z",
        ["goVersion"] = "go1.23.3",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    /// <summary>/api (APIVersions).</summary>
    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    /// <summary>/apis (APIGroupList) over every served type.</summary>
    public static JsonObject GroupList(IReadOnlyCollection<ResourceType> types)
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in GroupVersions(types, core: false))
        {
            var versionList = new JsonArray();
            foreach (var version in versions)
            {
                versionList.Add(GroupVersionEntry(group, version));
            }

            groups.Add(new JsonObject
            {
                ["name"] = group,
                ["versions"] = versionList,
                ["preferredVersion"] = GroupVersionEntry(group, versions[0]),
            });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    /// <summary>/api/v1 or /apis/{group}/{version} (APIResourceList), null when no type has that group/version.</summary>
    public static JsonObject? ResourceList(string group, string version, IReadOnlyCollection<ResourceType> types)
    {
        var served = types.Where(t => t.Group == group && t.Version == version).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in served)
        {
            resources.Add(LegacyResource(type));
            if (type.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = Strings(ApiVerbs.Status),
                });
            }

            if (type.Scale is not null)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/scale",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["group"] = "autoscaling",
                    ["version"] = "v1",
                    ["kind"] = "Scale",
                    ["verbs"] = Strings(ApiVerbs.Scale),
                });
            }

            if (type.HasToken)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/token",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["group"] = TokenRequest.Group,
                    ["version"] = TokenRequest.Version,
                    ["kind"] = TokenRequest.Kind,
                    ["verbs"] = Strings(ApiVerbs.CreateOnly),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = served[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    /// <summary>Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) for /api (core: true) or /apis (core: false).</summary>
    public static JsonObject Aggregated(bool core, IReadOnlyCollection<ResourceType> types)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in GroupVersions(types, core))
        {
            var versionList = new JsonArray();
            foreach (var version in versions)
            {
                var resources = new JsonArray();
                foreach (var type in types.Where(t => t.Group == group && t.Version == version))
                {
                    resources.Add(AggregatedResource(type));
                }

                versionList.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            var metadata = new JsonObject { ["creationTimestamp"] = null };
            if (!core)
            {
                metadata["name"] = group;
            }

            items.Add(new JsonObject { ["metadata"] = metadata, ["versions"] = versionList });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    /// <summary>The served groups in first-seen order, each with its versions, preferred first.</summary>
    private static IEnumerable<(string Group, IReadOnlyList<string> Versions)> GroupVersions(IReadOnlyCollection<ResourceType> types, bool core) =>
        types.Where(t => (t.Group.Length == 0) == core)
            .GroupBy(t => t.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Version).Distinct().Order(KubeVersionOrder.Instance)]));

    private static JsonObject GroupVersionEntry(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };

    private static JsonObject LegacyResource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = Strings(type.ServedVerbs),
        };
        AddNames(resource, type);
        if (!type.IsCreateOnly)
        {
            resource["storageVersionHash"] = StorageVersionHash(type);
        }

        return resource;
    }

    private static JsonObject AggregatedResource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = SameGroupVersionKind(type.Kind),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = Strings(type.ServedVerbs),
        };
        AddNames(resource, type);
        var subresources = new JsonArray();
        if (type.HasStatus)
        {
            subresources.Add(new JsonObject
            {
                ["subresource"] = "status",
                ["responseKind"] = SameGroupVersionKind(type.Kind),
                ["verbs"] = Strings(ApiVerbs.Status),
            });
        }

        if (type.Scale is not null)
        {
            subresources.Add(new JsonObject
            {
                ["subresource"] = "scale",
                ["responseKind"] = new JsonObject { ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale" },
                ["verbs"] = Strings(ApiVerbs.Scale),
            });
        }

        if (type.HasToken)
        {
            subresources.Add(new JsonObject
            {
                ["subresource"] = "token",
                ["responseKind"] = new JsonObject { ["group"] = TokenRequest.Group, ["version"] = TokenRequest.Version, ["kind"] = TokenRequest.Kind },
                ["verbs"] = Strings(ApiVerbs.CreateOnly),
            });
        }

        if (subresources.Count > 0)
        {
            resource["subresources"] = subresources;
        }

        return resource;
    }

    private static void AddNames(JsonObject resource, ResourceType type)
    {
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = Strings(type.ShortNames);
        }

        if (type.Categories is { Count: > 0 } categories)
        {
            resource["categories"] = Strings(categories);
        }
    }

    private static JsonObject SameGroupVersionKind(string kind) => new() { ["group"] = "", ["version"] = "", ["kind"] = kind };

    /// <summary>As the real server: base64 of the first 8 bytes of the SHA-256 of "group/version, Kind=kind".</summary>
    private static string StorageVersionHash(ResourceType type)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{type.Group}/{type.Version}, Kind={type.Kind}"));
        return Convert.ToBase64String(digest, 0, 8);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
