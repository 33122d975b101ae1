namespace KubeEmulator.Hosting;

/// <summary>A kubeconfig that points kubectl (or any client) at the emulator.</summary>
internal static class KubeconfigFile
{
    public const string ContextName = "kube-emulator";

    /// <summary>
    /// Without a token the context names no user at all: KubernetesClient refuses a user entry that carries no
    /// credentials (user: {}), while a context without a user is loaded by it and by kubectl alike.
    /// </summary>
    public static string Render(string url, string? token)
    {
        var users = token is null ? "users: []" : $$"""
            users:
            - name: {{ContextName}}
              user: { token: "{{token}}" }
            """;
        var user = token is null ? "" : $"""

                user: {ContextName}
            """;
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ContextName}
              cluster:
                server: {url}
            {users}
            contexts:
            - name: {ContextName}
              context:
                cluster: {ContextName}{user}
                namespace: default
            current-context: {ContextName}

            """;
    }

    public static async Task WriteAsync(string path, string url, string? token, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, Render(url, token), cancellationToken);
    }
}
