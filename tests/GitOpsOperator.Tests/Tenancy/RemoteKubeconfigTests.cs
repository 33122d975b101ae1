using System.Text;
using GitOpsOperator.Controllers.GitSyncs.Targets;

namespace GitOpsOperator.Tests.Tenancy;

/// <summary>Which kubeconfigs an operator in a pod can use for a remote cluster, and what it says of the others.</summary>
public sealed class RemoteKubeconfigTests
{
    private const string Token = "remote-token-never-repeated";

    [Theory]
    [InlineData("token: " + Token + ", client-certificate: /home/me/.kube/me.crt", "reads a local file (users[].user.client-certificate)")]
    [InlineData("token: " + Token + ", client-key: /home/me/.kube/me.key", "reads a local file (users[].user.client-key)")]
    [InlineData("tokenFile: /var/run/secrets/token", "reads a local file (users[].user.tokenFile)")]
    [InlineData("exec: { command: get-token, args: [" + Token + "] }", "needs an exec plugin (users[].user.exec)")]
    public void A_user_needing_a_program_or_a_file_is_refused_naming_the_field_only(string user, string says)
    {
        var (kubeconfig, problem) = RemoteKubeconfig.Read(Kubeconfig(user));

        Assert.Null(kubeconfig);
        Assert.StartsWith(says, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/me", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/run", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_content_is_the_same_remote_and_an_embedded_token_is_used()
    {
        var (first, _) = RemoteKubeconfig.Read(Kubeconfig("token: " + Token));
        var (second, _) = RemoteKubeconfig.Read(Kubeconfig("token: " + Token));
        var (other, _) = RemoteKubeconfig.Read(Kubeconfig("token: another-token"));

        Assert.Equal(first!.Hash, second!.Hash);
        Assert.NotEqual(first.Hash, other!.Hash);
        Assert.Equal(Token, first.Configuration.AccessToken);
    }

    private static byte[] Kubeconfig(string user) => Encoding.UTF8.GetBytes($$"""
        apiVersion: v1
        kind: Config
        clusters: [{ name: remote, cluster: { server: "https://127.0.0.1:6443" } }]
        users: [{ name: remote, user: { {{user}} } }]
        contexts: [{ name: remote, context: { cluster: remote, user: remote } }]
        current-context: remote
        """);
}
