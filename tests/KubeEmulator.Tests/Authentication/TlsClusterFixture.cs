using KubeEmulator.Controllers;

namespace KubeEmulator.Tests.Authentication;

/// <summary>One emulator serving --tls, shared by a test class, with kubectl as its admin (the generated kubeconfig).</summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    private EmulatedCluster? cluster;

    public EmulatedCluster Cluster => cluster ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>kubectl with the kubeconfig the emulator wrote: its CA and the admin client certificate.</summary>
    public KubectlRunner Admin => new(Cluster.KubeconfigPath);

    /// <summary>kubectl with a kubeconfig that trusts the CA but names no user (credentials come from --token).</summary>
    public KubectlRunner WithoutUser => new(Cluster.WriteKubeconfig("no-user", null));

    public async Task InitializeAsync() =>
        cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Tls = true, Controllers = new ControllerOptions { Enabled = false } });

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Creates a ServiceAccount and a token for it with kubectl create token (extra flags: --duration, --audience).</summary>
    public async Task<string> CreateTokenAsync(string serviceAccount, params string[] flags)
    {
        var created = await Admin.RunAsync("create", "serviceaccount", serviceAccount);
        Assert.True(created.Succeeded, created.ToString());
        var token = await Admin.RunAsync(["create", "token", serviceAccount, .. flags]);
        Assert.True(token.Succeeded, token.ToString());
        return token.Stdout.Trim();
    }
}
