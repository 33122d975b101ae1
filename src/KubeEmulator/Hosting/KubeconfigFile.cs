namespace KubeEmulator.Hosting;

/// <summary>A kubeconfig that points kubectl (or any client) at the emulator.</summary>
internal static class KubeconfigFile
{
    public const string ContextName = "kube-emulator";

    public static string Render(string url, string? token)
    {
        var user = token is null ? "{}" : $"{{ token: \"{token}\" }}";
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ContextName}
              cluster:
                server: {url}
            users:
            - name: {ContextName}
              user: {user}
            contexts:
            - name: {ContextName}
              context:
                cluster: {ContextName}
                user: {ContextName}
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
