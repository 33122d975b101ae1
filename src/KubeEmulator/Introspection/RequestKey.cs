namespace KubeEmulator.Introspection;

/// <summary>
/// A verb ("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection") on a resource
/// ("deployments", "deployments/status"); DryRun marks requests that asked for dryRun=All and so changed nothing.
/// </summary>
public readonly record struct RequestKey(string Verb, string Resource, bool DryRun = false);
