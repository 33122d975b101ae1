using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Output;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Cli.Cluster;

/// <summary>
/// A resource as kubectl names it on its command line: plural, singular, kind or short name, optionally qualified by
/// group (<c>deployments.apps</c>) or version and group (<c>deployments.v1.apps</c>); resolved through discovery.
/// </summary>
public static class ResourceResolver
{
    public static async Task<ResourceType> ResolveAsync(ClusterSession cluster, string word, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(word);
        var (name, version, group) = Split(word.ToLowerInvariant());
        foreach (var groupVersion in await GroupVersionsAsync(cluster, group, version, cancellationToken).ConfigureAwait(false))
        {
            var list = await cluster.FindAsync(groupVersion.Length == 0 || groupVersion == "v1" ? "api/v1" : $"apis/{groupVersion}", cancellationToken).ConfigureAwait(false);
            if (list?["resources"] is JsonArray resources
                && resources.OfType<JsonObject>().FirstOrDefault(r => Names(r, name)) is { } match)
            {
                var slash = groupVersion.LastIndexOf('/');
                var type = new GroupVersionKind(slash < 0 ? "" : groupVersion[..slash], groupVersion[(slash + 1)..], Fields.Text(match, "kind"));
                return new ResourceType(type, Fields.Text(match, "name"), match["namespaced"]?.GetValue<bool>() == true);
            }
        }

        throw CliException.Usage($"the server doesn't have a resource type \"{word}\"");
    }

    private static (string Name, string? Version, string? Group) Split(string word)
    {
        var parts = word.Split('.', 3);
        return parts.Length switch
        {
            1 => (word, null, null),
            3 when parts[1].Length > 1 && parts[1][0] == 'v' && char.IsAsciiDigit(parts[1][1]) => (parts[0], parts[1], parts[2]),
            _ => (parts[0], null, word[(parts[0].Length + 1)..]),
        };
    }

    private static bool Names(JsonObject resource, string name) =>
        !Fields.Text(resource, "name").Contains('/', StringComparison.Ordinal)
        && (Fields.Text(resource, "name") == name
            || Fields.Text(resource, "singularName") == name
            || Fields.Text(resource, "kind").Equals(name, StringComparison.OrdinalIgnoreCase)
            || (resource["shortNames"] as JsonArray)?.Any(s => s?.GetValue<string>() == name) == true);

    /// <summary>"v1" for the core group, then each group's preferred (or the given) version, as "group/version".</summary>
    private static async Task<IReadOnlyList<string>> GroupVersionsAsync(ClusterSession cluster, string? group, string? version, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        if (group is null or "core" or "")
        {
            result.Add("v1");
        }

        var groups = await cluster.GetAsync("apis", "the API group list", cancellationToken).ConfigureAwait(false);
        foreach (var entry in (groups["groups"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var groupName = Fields.Text(entry, "name");
            if (group is null || group == groupName)
            {
                var preferred = version ?? Fields.Text(entry, "preferredVersion", "version");
                result.Add($"{groupName}/{preferred}");
            }
        }

        return result;
    }
}
