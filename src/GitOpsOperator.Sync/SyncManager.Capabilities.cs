using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    /// <summary>
    /// What the cluster serves, as a chart's <c>.Capabilities</c> sees it: the server's version and every group/version
    /// with each of its kinds (<c>apps/v1</c>, <c>apps/v1/Deployment</c>). Kinds come from the discovery cache the
    /// sync already keeps; returns null and why when the server does not answer.
    /// </summary>
    public async Task<(HelmCapabilities? Capabilities, string? Failure)> CapabilitiesAsync(CancellationToken cancellationToken)
    {
        var version = await api.SendAsync(HttpMethod.Get, "version", null, null, cancellationToken);
        var core = await api.SendAsync(HttpMethod.Get, "api", null, null, cancellationToken);
        var groups = await api.SendAsync(HttpMethod.Get, "apis", null, null, cancellationToken);
        if (new[] { version, core, groups }.FirstOrDefault(r => !r.IsSuccess || r.Body is null) is { } failed)
        {
            return (null, $"cluster discovery failed: {failed.Message}");
        }

        var groupVersions = Strings(core.Body!["versions"])
            .Concat((groups.Body!["groups"] as JsonArray ?? []).SelectMany(g => (g?["versions"] as JsonArray ?? []).Select(v => Text(v?["groupVersion"]))))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var apiVersions = new List<string>();
        foreach (var groupVersion in groupVersions)
        {
            apiVersions.Add(groupVersion);
            if (await discovery.KindsAsync(groupVersion, cancellationToken) is { } kinds)
            {
                apiVersions.AddRange(kinds.Order(StringComparer.Ordinal).Select(kind => $"{groupVersion}/{kind}"));
            }
        }

        return (new HelmCapabilities(Text(version.Body!["gitVersion"]) ?? "", apiVersions), null);
    }

    private static IEnumerable<string?> Strings(JsonNode? array) => (array as JsonArray ?? []).Select(Text);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
