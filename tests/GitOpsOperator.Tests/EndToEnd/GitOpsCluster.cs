using GitOpsOperator.Api;
using GitOpsOperator.Source.Tests.Servers;
using GitOpsOperator.Tests.GitRepositories;
using GitOpsOperator.Tests.Support;
using k8s;
using KubeEmulator;

namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>
/// What a user has: a cluster (the emulator) running the operator, an origin repository served by <c>git daemon</c>,
/// a working clone to commit and push from, and kubectl. One GitRepository "config" follows main of the origin.
/// </summary>
internal sealed class GitOpsCluster : IAsyncDisposable
{
    public const string Namespace = OperatorWithGit.Namespace;
    public const string Source = "config";

    private readonly OperatorWithGit operatorWithGit;
    private readonly GitDaemon daemon;
    private readonly WorkingClone repo;
    private int fetchRequests;

    private GitOpsCluster(OperatorWithGit operatorWithGit, GitDaemon daemon, WorkingClone repo)
    {
        this.operatorWithGit = operatorWithGit;
        this.daemon = daemon;
        this.repo = repo;
    }

    public EmulatedCluster Cluster => operatorWithGit.Cluster;

    public IKubernetes Client => Cluster.Client;

    public string Kubeconfig => Cluster.KubeconfigPath;

    /// <summary>
    /// Starts it all; <paramref name="operatorKubeconfig"/> writes the operator's own kubeconfig (to reach the cluster through a
    /// relay); <paramref name="concurrency"/> sets how many GitSyncs the operator reconciles at once.
    /// </summary>
    public static async Task<GitOpsCluster> StartAsync(Func<EmulatedCluster, string, string>? operatorKubeconfig = null, int? concurrency = null)
    {
        var operatorWithGit = await OperatorWithGit.StartAsync(operatorKubeconfig: operatorKubeconfig, concurrency: concurrency);
        var origin = await operatorWithGit.CreateOriginAsync(Source);
        var daemon = await GitDaemon.StartAsync(operatorWithGit.ServeRoot);
        var clone = await WorkingClone.CreateAsync(origin.GitDir, Path.Combine(operatorWithGit.ServeRoot, "..", "clone"));
        var cluster = new GitOpsCluster(operatorWithGit, daemon, clone);
        await cluster.KubectlWithInputAsync(
            ApiExamples.GitRepositoryWith(Source, $"  url: {daemon.Url(Source)}\n  ref: {{ branch: main }}\n  interval: 1h\n"), "apply", "-f", "-");
        return cluster;
    }

    public static string Revision(string sha) => $"main@sha1:{sha}";

    /// <summary>Commits the files, pushes, and asks the GitRepository to fetch now (as a push webhook would); returns the SHA.</summary>
    public async Task<string> PushAsync(string message, params (string Path, string? Content)[] files)
    {
        var sha = await repo.CommitAsync(message, files);
        await repo.PushAsync();
        await FetchNowAsync();
        return sha;
    }

    /// <summary><c>git revert HEAD</c>, push, fetch now; returns the revert commit's SHA.</summary>
    public async Task<string> RevertHeadAsync()
    {
        var sha = await repo.RevertHeadAsync();
        await repo.PushAsync();
        await FetchNowAsync();
        return sha;
    }

    /// <summary>Creates or updates a GitSync of the source with <c>kubectl apply</c>; spec lines are indented two spaces.</summary>
    public Task ApplyGitSyncAsync(string name, string spec) =>
        KubectlWithInputAsync(ApiExamples.GitSyncWith(name, $"  sourceRef: {{ kind: GitRepository, name: {Source} }}\n{spec}"), "apply", "-f", "-");

    public Task<string> KubectlAsync(params string[] args) => Kubectl.SucceedAsync(Kubeconfig, null, args);

    /// <summary>kubectl with this text on its standard input (for <c>apply -f -</c>).</summary>
    public Task<string> KubectlWithInputAsync(string input, params string[] args) => Kubectl.SucceedAsync(Kubeconfig, input, args);

    public Task<Kubectl.Result> TryKubectlAsync(params string[] args) => Kubectl.RunAsync(Kubeconfig, null, args);

    public Task<GitSync> GetGitSyncAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural, name);

    /// <summary>Waits until the GitSync satisfies the condition; the failure shows its last status.</summary>
    public Task<GitSync> WaitForGitSyncAsync(string name, Func<GitSync, bool> condition, string what, TimeSpan? deadline = null) =>
        Eventually.ValueAsync(() => GetGitSyncAsync(name), condition, $"{name}: {what}", s => KubernetesJson.Serialize(s.Status), deadline);

    /// <summary>Waits until the GitSync is Ready=True at the revision of this commit.</summary>
    public Task<GitSync> WaitForReadyAsync(string name, string sha, TimeSpan? deadline = null) =>
        WaitForGitSyncAsync(name, s => s.IsReadyAt(Revision(sha)), $"Ready at {Revision(sha)}", deadline);

    /// <summary>The git server goes down (its address stays reserved for <see cref="StartGitAsync"/>).</summary>
    public Task StopGitAsync() => daemon.StopAsync();

    /// <summary>The git server comes back at the same address.</summary>
    public Task StartGitAsync() => daemon.StartAgainAsync();

    public async ValueTask DisposeAsync()
    {
        await daemon.DisposeAsync();
        await operatorWithGit.DisposeAsync();
    }

    private Task FetchNowAsync() =>
        KubectlAsync(
            "annotate", "--overwrite", "-n", Namespace, "gitrepository", Source,
            $"gitops.operator.io/requestedAt=push-{Interlocked.Increment(ref fetchRequests)}");
}
