using GitOpsOperator.Hosting;
using k8s.Exceptions;

namespace GitOpsOperator.Tests.Host;

public sealed class KubernetesConnectionTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(path);

    private string Kubeconfig(string user)
    {
        File.WriteAllText(path, $$"""
            apiVersion: v1
            kind: Config
            clusters: [{ name: local, cluster: { server: "http://127.0.0.1:6443" } }]
            users: [{ name: me, user: {{user}} }]
            contexts: [{ name: local, context: { cluster: local, user: me, namespace: apps } }]
            current-context: local
            """);
        return path;
    }

    [Fact]
    public void A_user_without_credentials_connects_anonymously()
    {
        var connection = KubernetesConnection.Resolve(Kubeconfig("{}"));

        Assert.Equal("http://127.0.0.1:6443/", connection.Configuration.Host.TrimEnd('/') + "/");
        Assert.Null(connection.Configuration.AccessToken);
        Assert.Equal($"kubeconfig {path}", connection.Source);
    }

    [Fact]
    public void A_user_with_a_token_keeps_it()
    {
        var connection = KubernetesConnection.Resolve(Kubeconfig("{ token: s3cr3t }"));

        Assert.Equal("s3cr3t", connection.Configuration.AccessToken);
    }

    [Fact]
    public void A_missing_kubeconfig_is_named()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubernetesConnection.Resolve(path));

        Assert.Contains(path, error.Message);
    }
}
