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
/// Authenticates a push against the token in the GitRepository's spec.webhookSecretRef Secret and, when it is
/// genuine, sets the requestedAt annotation so that whichever replica leads reconciles it now. Every reason to
/// refuse is logged (never the token or the signature) and answered alike, so a caller cannot tell which it was.
/// </summary>
public sealed partial class WebhookReceiver(
    IKubernetes client,
    SecretReader secrets,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    /// <summary>The key of the webhook Secret that holds the token.</summary>
    public const string TokenKey = "token";

    private const string GitHubEventHeader = "X-GitHub-Event";

    public async Task<WebhookOutcome> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await AuthenticateAndRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error)
        {
            LogApiFailed(logger, request.Namespace, request.Name, (int)error.Response.StatusCode);
            return WebhookOutcome.Unavailable;
        }
    }

    private async Task<WebhookOutcome> AuthenticateAndRequestAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var watched = options.Value.Namespace;
        if (watched is not null && watched != request.Namespace)
        {
            return Refuse(request, $"the operator watches only namespace {watched}");
        }

        var repository = await FindAsync(request, cancellationToken).ConfigureAwait(false);
        if (repository is null)
        {
            return Refuse(request, "no such GitRepository");
        }

        if (repository.Spec.WebhookSecretRef?.Name is not { Length: > 0 } secretName)
        {
            return Refuse(request, "the GitRepository has no spec.webhookSecretRef");
        }

        var secret = await secrets.ReadAsync(request.Namespace, secretName, cancellationToken).ConfigureAwait(false);
        if (secret.Failure is { } failure)
        {
            return Refuse(request, failure.Message);
        }

        if (!secret.Value!.TryGetValue(TokenKey, out var token) || token.Length == 0)
        {
            return Refuse(request, $"Secret {request.Namespace}/{secretName} has no key \"{TokenKey}\"");
        }

        switch (WebhookSignature.Check(request.Headers, request.Body.Span, token))
        {
            case SignatureCheck.Missing:
                return Refuse(request, $"no {WebhookSignature.GitHubHeader}, {WebhookSignature.GitLabHeader} or {WebhookSignature.GenericHeader} header");
            case SignatureCheck.Invalid:
                return Refuse(request, "the signature or token does not match the Secret's token");
        }

        if (request.Headers[GitHubEventHeader] == "ping")
        {
            LogPinged(logger, request.Namespace, request.Name);
            return WebhookOutcome.Pinged;
        }

        var requestedAt = ReconcileRequest.NewValue(time);
        return await RequestReconcileAsync(request, requestedAt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<GitRepository?> FindAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(
                GitOpsApi.Group, GitOpsApi.Version, request.Namespace, GitOpsApi.GitRepositoryPlural, request.Name,
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<WebhookOutcome> RequestReconcileAsync(WebhookRequest request, string requestedAt, CancellationToken cancellationToken)
    {
        if (!await ReconcileRequest.PatchAsync(client, GitOpsApi.GitRepositoryPlural, request.Namespace, request.Name, requestedAt, cancellationToken).ConfigureAwait(false))
        {
            return Refuse(request, "the GitRepository was deleted");
        }

        LogAccepted(logger, request.Namespace, request.Name, requestedAt);
        return WebhookOutcome.Accepted;
    }

    private WebhookOutcome Refuse(WebhookRequest request, string reason)
    {
        LogRefused(logger, request.Namespace, request.Name, reason);
        return WebhookOutcome.Unauthorized;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for GitRepository {Namespace}/{Name} accepted: requestedAt {RequestedAt}")]
    private static partial void LogAccepted(ILogger logger, string @namespace, string name, string requestedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook ping for GitRepository {Namespace}/{Name} answered")]
    private static partial void LogPinged(ILogger logger, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for GitRepository {Namespace}/{Name} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string @namespace, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for GitRepository {Namespace}/{Name} not handled: the API server answered {StatusCode}")]
    private static partial void LogApiFailed(ILogger logger, string @namespace, string name, int statusCode);
}
