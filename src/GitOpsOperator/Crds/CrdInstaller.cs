using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Crds;

/// <summary>Installs or upgrades CRDs by server-side apply (field manager gitops-operator) and waits until the API server serves them.</summary>
public sealed partial class CrdInstaller(IKubernetes client, ILogger<CrdInstaller> logger, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Applies every CRD (taking ownership of the fields it declares), then waits until each is Established.
    /// Throws <see cref="CrdInstallException"/> when one is refused or not Established within the timeout.
    /// </summary>
    public async Task InstallAsync(IReadOnlyList<JsonObject> crds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var crd in crds)
        {
            var name = crd["metadata"]?["name"]?.GetValue<string>()
                ?? throw new CrdInstallException("a CRD has no metadata.name");
            await ApplyAsync(crd, name, cancellationToken).ConfigureAwait(false);
            names.Add(name);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        foreach (var name in names)
        {
            await WaitEstablishedAsync(name, timeout, deadline.Token, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(JsonObject crd, string name, CancellationToken cancellationToken)
    {
        try
        {
            var patch = new V1Patch(crd.ToJsonString(), V1Patch.PatchType.ApplyPatch);
            await client.ApiextensionsV1.PatchCustomResourceDefinitionAsync(
                patch, name, fieldManager: GitOpsApi.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogApplied(name);
        }
        catch (k8s.Autorest.HttpOperationException error)
        {
            throw new CrdInstallException($"applying CRD {name} failed: {(int)error.Response.StatusCode} {error.Response.Content}", error);
        }
        catch (HttpRequestException error)
        {
            throw new CrdInstallException($"applying CRD {name} failed: cannot reach the API server at {client.BaseUri}: {error.Message}", error);
        }
    }

    private async Task WaitEstablishedAsync(string name, TimeSpan timeout, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: deadline).ConfigureAwait(false);
                var conditions = crd.Status?.Conditions ?? [];
                if (conditions.Any(c => c.Type == "Established" && c.Status == "True"))
                {
                    LogEstablished(name);
                    return;
                }

                if (conditions.FirstOrDefault(c => c.Type == "NamesAccepted" && c.Status == "False") is { } refused)
                {
                    throw new CrdInstallException($"CRD {name}: names not accepted: {refused.Message}");
                }

                await Task.Delay(PollInterval, time, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CrdInstallException($"CRD {name} was not Established within {timeout}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied CRD {Name}")]
    private partial void LogApplied(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRD {Name} is Established")]
    private partial void LogEstablished(string name);
}
