namespace KubeEmulator.Security;

/// <summary>What an authorizer answered: allowed or not, and the reason it gives (may be empty).</summary>
internal sealed record AuthorizationDecision(bool Allowed, string Reason);
