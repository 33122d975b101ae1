namespace GitOpsOperator.Tests.Webhooks;

/// <summary>What the operator answered a webhook request: status, body text and the Allow header (if any).</summary>
public sealed record HookAnswer(int Status, string Text, string Allow);
