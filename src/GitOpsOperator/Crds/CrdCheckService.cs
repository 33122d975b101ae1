using System.Net;
using System.Text.Json.Nodes;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Crds;

/// <summary>
/// Without --install-crds: checks at start-up that the installed CRDs carry every field this operator relies on.
/// <c>helm upgrade</c> never upgrades a chart's CRDs, so an upgraded operator may meet the old ones; then it says so
/// in the log and on /readyz (503) instead of failing later with objects the server silently pruned of new fields.
/// </summary>
public sealed partial class CrdCheckService(KubeApi api, Readiness readiness, ILogger<CrdCheckService> logger) : IHostedService
{
    public const string ReadinessPart = "crds";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var expected in CrdManifests.All())
        {
            var name = expected["metadata"]?["name"]?.GetValue<string>() ?? "";
            var answer = await api.SendAsync(HttpMethod.Get, $"apis/apiextensions.k8s.io/v1/customresourcedefinitions/{name}", null, null, cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode == (int)HttpStatusCode.NotFound)
            {
                problems.Add($"CRD {name} is not installed");
            }
            else if (answer is { IsSuccess: true, Body: JsonObject installed } && CrdSchemaCheck.MissingFields(expected, installed) is { Count: > 0 } missing)
            {
                problems.Add($"CRD {name} lacks {string.Join(", ", missing)}");
            }
            else if (!answer.IsSuccess)
            {
                LogUncheckable(logger, name, answer.Message);
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
