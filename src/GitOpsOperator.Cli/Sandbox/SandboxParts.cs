namespace GitOpsOperator.Sandbox;

/// <summary>
/// The three running parts of the sandbox. The git side (daemon, repository) and the Kubernetes side (cluster,
/// then the operator) start side by side; whatever started is stopped again when the other side fails.
/// </summary>
public sealed class SandboxParts : IAsyncDisposable
{
    private SandboxParts(SandboxCluster cluster, GitDaemon daemon, SandboxOperator gitops)
    {
        Cluster = cluster;
        Daemon = daemon;
        Operator = gitops;
    }

    public SandboxCluster Cluster { get; }

    public GitDaemon Daemon { get; }

    public SandboxOperator Operator { get; }

    public string RepositoryUrl => Daemon.Url(SandboxLayout.RepositoryName);

    public static async Task<SandboxParts> StartAsync(SandboxLayout layout, TextWriter output, CancellationToken cancellationToken)
    {
        var kubernetes = StartKubernetesAsync(layout, output, cancellationToken);
        var git = StartGitAsync(layout, output, cancellationToken);
        try
        {
            await Task.WhenAll(kubernetes, git).ConfigureAwait(false);
        }
        catch
        {
            if (kubernetes.IsCompletedSuccessfully)
            {
                await StopAsync(kubernetes.Result.Operator, kubernetes.Result.Cluster).ConfigureAwait(false);
            }

            if (git.IsCompletedSuccessfully)
            {
                await git.Result.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var (cluster, gitops) = await kubernetes.ConfigureAwait(false);
        return new SandboxParts(cluster, await git.ConfigureAwait(false), gitops);
    }

    /// <summary>Stops the operator first (it talks to both others), then git daemon, then the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync().ConfigureAwait(false);
        await Daemon.DisposeAsync().ConfigureAwait(false);
        await Cluster.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<(SandboxCluster Cluster, SandboxOperator Operator)> StartKubernetesAsync(
        SandboxLayout layout, TextWriter output, CancellationToken cancellationToken)
    {
        var cluster = await SandboxCluster.StartAsync(layout, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Sandbox: emulated Kubernetes API at {cluster.Url}, kubeconfig {layout.Display(layout.Kubeconfig)}").ConfigureAwait(false);
        try
        {
            return (cluster, await SandboxOperator.StartAsync(layout, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<GitDaemon> StartGitAsync(SandboxLayout layout, TextWriter output, CancellationToken cancellationToken)
    {
        var daemon = await GitDaemon.StartAsync(layout.ServedRepositories, cancellationToken).ConfigureAwait(false);
        try
        {
            var url = daemon.Url(SandboxLayout.RepositoryName);
            await ConfigRepository.PrepareAsync(layout, url, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Sandbox: config repository {url}, your clone {layout.Display(layout.WorkingClone)}").ConfigureAwait(false);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task StopAsync(SandboxOperator gitops, SandboxCluster cluster)
    {
        await gitops.DisposeAsync().ConfigureAwait(false);
        await cluster.DisposeAsync().ConfigureAwait(false);
    }
}
