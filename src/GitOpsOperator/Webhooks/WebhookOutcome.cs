namespace GitOpsOperator.Webhooks;

/// <summary>What became of a push notification.</summary>
public enum WebhookOutcome
{
    /// <summary>Authentic: the GitRepository was asked to reconcile now.</summary>
    Accepted,

    /// <summary>Authentic, but a GitHub ping: nothing to do.</summary>
    Pinged,

    /// <summary>Not authentic, or nothing to authenticate it against; nothing was done.</summary>
    Unauthorized,

    /// <summary>The API server could not be asked; the sender may retry.</summary>
    Unavailable,
}
