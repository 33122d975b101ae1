namespace KubeEmulator.Introspection;

/// <summary>A verb ("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection") on a resource ("deployments", "deployments/status").</summary>
public readonly record struct RequestKey(string Verb, string Resource);
