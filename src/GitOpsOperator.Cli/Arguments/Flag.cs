namespace GitOpsOperator.Cli.Arguments;

/// <summary>One command-line flag: its long name, optional short name, whether it takes a value, and its help text.</summary>
public sealed record Flag(string Name, string? Short, bool TakesValue, string Description)
{
    public static readonly Flag Kubeconfig = new("--kubeconfig", null, true, "path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config)");
    public static readonly Flag Context = new("--context", null, true, "the kubeconfig context to use");
    public static readonly Flag Namespace = new("--namespace", "-n", true, "the namespace (default: the context's, then \"default\")");
    public static readonly Flag AllNamespaces = new("--all-namespaces", "-A", false, "list across all namespaces");
    public static readonly Flag Output = new("--output", "-o", true, "json or yaml instead of the human-readable form");
    public static readonly Flag Help = new("--help", "-h", false, "show this help");
    public static readonly Flag Timeout = new("--timeout", null, true, "how long to wait, e.g. 90s, 5m, 1h (default: 5m)");
    public static readonly Flag WithSource = new("--with-source", null, false, "ask the GitSync's GitRepository to fetch first");
    public static readonly Flag Path = new("--path", null, true, "a local checkout of the GitSync's path (required)");

    /// <summary>kubectl's own flags, accepted by every command.</summary>
    public static readonly IReadOnlyList<Flag> Cluster = [Kubeconfig, Context, Namespace];

    public string Usage => (Short is null ? $"    {Name}" : $"{Short}, {Name}") + (TakesValue ? " VALUE" : "");
}
