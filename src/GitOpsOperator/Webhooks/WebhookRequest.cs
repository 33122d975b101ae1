using Microsoft.AspNetCore.Http;

namespace GitOpsOperator.Webhooks;

/// <summary>A push notification for the GitRepository <paramref name="Namespace"/>/<paramref name="Name"/>, as received.</summary>
public sealed record WebhookRequest(string Namespace, string Name, IHeaderDictionary Headers, ReadOnlyMemory<byte> Body);
