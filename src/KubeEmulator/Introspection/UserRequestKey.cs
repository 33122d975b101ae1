namespace KubeEmulator.Introspection;

/// <summary>
/// One line of the audit view: the user a request ran as (after impersonation), its verb, resource, namespace ("" for
/// cluster-scoped and all-namespace requests) and whether it was a dry run.
/// </summary>
public readonly record struct UserRequestKey(string User, string Verb, string Resource, string Namespace, bool DryRun);
