using System.Net;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Hosting;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Webhooks;

/// <summary>
/// Authenticates a registry notification's Bearer token against the key "token" of the ImageRepository's
/// spec.webhookSecretRef Secret (compared in constant time) and, when genuine, sets the requestedAt annotation so that
/// whichever replica leads scans now. Every refusal is logged (never the token) and answered alike.
/// </summary>
public sealed partial class ImageRepositoryWebhookReceiver(
    IKubernetes client,
    SecretReader secrets,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILogger<ImageRepositoryWebhookReceiver> logger)
{
    private const string BearerPrefix = "Bearer ";

    public async Task<WebhookOutcome> ReceiveAsync(string namespaceName, string name, string authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        try
        {
            var refusal = await AuthenticateAsync(namespaceName, name, authorization, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                LogRefused(logger, namespaceName, name, refusal);
                return WebhookOutcome.Unauthorized;
            }

            return await RequestScanAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error)
        {
            LogApiFailed(logger, namespaceName, name, (int)error.Response.StatusCode);
            return WebhookOutcome.Unavailable;
        }
    }

    /// <summary>Why the request is not genuine, or null when it is.</summary>
    private async Task<string?> AuthenticateAsync(string namespaceName, string name, string authorization, CancellationToken cancellationToken)
    {
        if (options.Value.Namespace is { } watched && watched != namespaceName)
        {
            return $"the operator watches only namespace {watched}";
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || authorization.Length == BearerPrefix.Length)
        {
            return "no Authorization: Bearer header";
        }

        ImageRepository repository;
        try
        {
            repository = await client.CustomObjects.GetNamespacedCustomObjectAsync<ImageRepository>(
                GitOpsApi.Group, GitOpsApi.Version, namespaceName, GitOpsApi.ImageRepositoryPlural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return "no such ImageRepository";
        }

        if (repository.Spec.WebhookSecretRef?.Name is not { Length: > 0 } secretName)
        {
            return "the ImageRepository has no spec.webhookSecretRef";
        }

        var secret = await secrets.ReadAsync(namespaceName, secretName, cancellationToken).ConfigureAwait(false);
        if (secret.Failure is { } failure)
        {
            return failure.Message;
        }

        if (!secret.Value!.TryGetValue(WebhookReceiver.TokenKey, out var token) || token.Length == 0)
        {
            return $"Secret {namespaceName}/{secretName} has no key \"{WebhookReceiver.TokenKey}\"";
        }

        return WebhookSignature.TokenMatches(authorization[BearerPrefix.Length..].Trim(), token) ? null : "the token does not match the Secret's token";
    }

    private async Task<WebhookOutcome> RequestScanAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        var requestedAt = ReconcileRequest.NewValue(time);
        if (!await ReconcileRequest.PatchAsync(client, GitOpsApi.ImageRepositoryPlural, namespaceName, name, requestedAt, cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logger, namespaceName, name, "the ImageRepository was deleted");
            return WebhookOutcome.Unauthorized;
        }

        LogAccepted(logger, namespaceName, name, requestedAt);
        return WebhookOutcome.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry webhook for ImageRepository {Namespace}/{Name} accepted: requestedAt {RequestedAt}")]
    private static partial void LogAccepted(ILogger logger, string @namespace, string name, string requestedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry webhook for ImageRepository {Namespace}/{Name} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry webhook for ImageRepository {Namespace}/{Name} not handled: the API server answered {StatusCode}")]
    private static partial void LogApiFailed(ILogger logger, string @namespace, string name, int statusCode);
}
