using System.Text.Json.Nodes;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Crds;

/// <summary>
/// Without --install-crds: checks at start-up that the installed CRDs carry every field this operator relies on, by
/// the schemas the server publishes (/openapi/v3, readable by every authenticated user: no extra right needed).
/// <c>helm upgrade</c> never upgrades a chart's CRDs, so an upgraded operator may meet the old ones; then it says so
/// in the log and on /readyz (503) instead of failing later on objects the server silently pruned of new fields.
/// </summary>
public sealed partial class CrdCheckService(KubeApi api, Readiness readiness, ILogger<CrdCheckService> logger) : IHostedService
{
    public const string ReadinessPart = "crds";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var crd in CrdManifests.All())
        {
            var name = crd["metadata"]?["name"]?.GetValue<string>() ?? "";
            var group = crd["spec"]?["group"]?.GetValue<string>() ?? "";
            var kind = crd["spec"]?["names"]?["kind"]?.GetValue<string>() ?? "";
            foreach (var version in (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var versionName = version["name"]?.GetValue<string>() ?? "";
                var document = await api.SendAsync(HttpMethod.Get, $"openapi/v3/apis/{group}/{versionName}", null, null, cancellationToken).ConfigureAwait(false);
                if (!document.IsSuccess && !document.IsNotFound)
                {
                    LogUncheckable(logger, name, document.Message);
                    continue;
                }

                var published = document.Body?["components"]?["schemas"]?[CrdSchemaCheck.DefinitionName(group, versionName, kind)] as JsonObject;
                var expected = version["schema"]?["openAPIV3Schema"] as JsonObject ?? [];
                if (published is null)
                {
                    problems.Add($"CRD {name} is not installed or does not serve {versionName}");
                }
                else if (CrdSchemaCheck.MissingFields(expected, published) is { Count: > 0 } missing)
                {
                    problems.Add($"CRD {name} lacks {versionName} {string.Join(", ", missing)}");
                }
            }
        }

        if (problems.Count > 0)
        {
            var message = $"{string.Join("; ", problems)}: the installed CRDs are older than this operator (helm upgrade does not upgrade CRDs); "
                + "apply the chart's crds/ (or deploy/crds) or start the operator with --install-crds";
            LogOutdated(logger, message);
            readiness.Report(ReadinessPart, message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogOutdated(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot check the installed CRD {Name}: {Error}")]
    private static partial void LogUncheckable(ILogger logger, string name, string error);
}
