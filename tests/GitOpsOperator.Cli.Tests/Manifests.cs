namespace GitOpsOperator.Cli.Tests;

/// <summary>Small manifests for the tests' config repository and checkouts.</summary>
internal static class Manifests
{
    public static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n";

    public static string ConfigMap(string ns, string name, string text) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  text: {text}\n";

    public static string Secret(string ns, string name, string password) =>
        $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: {ns}\nstringData:\n  password: {password}\n";

    public static string Deployment(string ns, string name) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          replicas: 1
          selector:
            matchLabels: {"{"} app: {name} {"}"}
          template:
            metadata:
              labels: {"{"} app: {name} {"}"}
            spec:
              containers:
                - name: web
                  image: nginx:1.27

        """;

    /// <summary>GitSync spec lines for a path of the config repository (interval long: only requests make it act).</summary>
    public static string SyncSpec(string path, bool prune = false) => $"  path: ./{path}\n  interval: 1h\n  prune: {(prune ? "true" : "false")}\n";

    /// <summary>The lines of standard error, so a test can say "exactly one".</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
