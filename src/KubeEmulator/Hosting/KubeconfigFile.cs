using System.Text;

namespace KubeEmulator.Hosting;

/// <summary>What a kubeconfig's user entry carries: a bearer token and/or a client certificate with its key (PEM).</summary>
internal sealed record KubeconfigCredentials(string? Token = null, string? CertificatePem = null, string? KeyPem = null)
{
    public bool IsEmpty => Token is null && CertificatePem is null;
}

/// <summary>A kubeconfig that points kubectl (or any client) at the emulator.</summary>
internal static class KubeconfigFile
{
    public const string ContextName = "kube-emulator";

    /// <summary>
    /// Without credentials the context names no user at all: KubernetesClient refuses a user entry that carries no
    /// credentials (user: {}), while a context without a user is loaded by it and by kubectl alike.
    /// <paramref name="authorityPem"/> is the CA an https server's certificate is checked against.
    /// </summary>
    public static string Render(string url, string? authorityPem, KubeconfigCredentials credentials)
    {
        var authority = authorityPem is null ? "" : $"""

                certificate-authority-data: {Base64(authorityPem)}
            """;
        var users = credentials.IsEmpty ? "users: []" : $"""
            users:
            - name: {ContextName}
              user:{UserFields(credentials)}
            """;
        var user = credentials.IsEmpty ? "" : $"""

                user: {ContextName}
            """;
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {ContextName}
              cluster:
                server: {url}{authority}
            {users}
            contexts:
            - name: {ContextName}
              context:
                cluster: {ContextName}{user}
                namespace: default
            current-context: {ContextName}

            """;
    }

    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, content, cancellationToken);
    }

    private static string UserFields(KubeconfigCredentials credentials)
    {
        var fields = new StringBuilder();
        if (credentials.Token is { } token)
        {
            fields.Append($"\n    token: \"{token}\"");
        }

        if (credentials is { CertificatePem: { } certificate, KeyPem: { } key })
        {
            fields.Append($"\n    client-certificate-data: {Base64(certificate)}\n    client-key-data: {Base64(key)}");
        }

        return fields.ToString();
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
}
