namespace KubeEmulator.Tests.Rbac;

/// <summary>
/// One emulated cluster (controllers on, for ClusterRole aggregation) shared by the RBAC tests, with kubectl as its
/// admin. Each test works in namespaces and with user names of its own, so the tests never see each other's grants.
/// </summary>
public sealed class RbacCluster : IAsyncLifetime
{
    public const string Collection = "rbac";

    private EmulatedCluster? cluster;
    private KubectlRunner? kubectl;

    public EmulatedCluster Cluster => cluster ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        cluster = await EmulatedCluster.StartAsync();
        kubectl = new KubectlRunner(cluster.KubeconfigPath, Path.Combine(Path.GetDirectoryName(cluster.KubeconfigPath)!, "kubectl-cache"));
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Runs kubectl with these arguments (add --as / --as-group to act as someone else).</summary>
    public Task<CommandResult> KubectlAsync(params string[] args) =>
        (kubectl ?? throw new InvalidOperationException("the fixture has not started")).RunAsync(args);

    public async Task<CommandResult> MustRunAsync(params string[] args)
    {
        var result = await KubectlAsync(args);
        Assert.True(result.Succeeded, $"kubectl {string.Join(' ', args)} failed: {result}");
        return result;
    }

    /// <summary>Applies YAML as the admin.</summary>
    public async Task ApplyAsync(string yaml)
    {
        var result = await (kubectl ?? throw new InvalidOperationException("the fixture has not started")).RunWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(result.Succeeded, $"kubectl apply failed: {result}");
    }

    /// <summary>"yes" or "no" (with any reason kubectl prints after it) from kubectl auth can-i.</summary>
    public async Task<string> CanIAsync(params string[] args)
    {
        var result = await KubectlAsync(["auth", "can-i", .. args]);
        return result.Stdout.Trim();
    }
}

[CollectionDefinition(RbacCluster.Collection)]
public sealed class RbacCollection : ICollectionFixture<RbacCluster>;
