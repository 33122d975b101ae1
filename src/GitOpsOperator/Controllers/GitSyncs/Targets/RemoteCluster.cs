using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Live;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs.Targets;

/// <summary>
/// One remote cluster GitSyncs apply into: its client, its sync engine with its own watch cache and discovery, and
/// the GitSyncs using it. Its cache's changes go to <paramref name="listener"/> (drift watching).
/// </summary>
internal sealed class RemoteCluster : IAsyncDisposable
{
    private readonly Kubernetes client;
    private readonly IDisposable subscription;
    private int reached;

    public RemoteCluster(string hash, Kubernetes client, string? watchedNamespace, Action<LiveObjectEvent> listener, ILoggerFactory loggers)
    {
        Hash = hash;
        this.client = client;
        var sync = new SyncManager(client, watchedNamespace, loggers);
        Target = SyncTarget.For(sync);
        subscription = sync.Cache.Subscribe(listener);
    }

    /// <summary>The hash of the kubeconfig it was made from.</summary>
    public string Hash { get; }

    public SyncTarget Target { get; }

    /// <summary>The GitSyncs applying into it; guarded by the owner's lock.</summary>
    public HashSet<GitSyncKey> Users { get; } = [];

    /// <summary>Null once the cluster answered (asked until it first does), else why it did not.</summary>
    public async Task<string?> ReachAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref reached) == 1)
        {
            return null;
        }

        var failure = await Target.Sync.ReachAsync(cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            Volatile.Write(ref reached, 1);
        }

        return failure;
    }

    public async ValueTask DisposeAsync()
    {
        subscription.Dispose();
        await Target.Sync.DisposeAsync().ConfigureAwait(false);
        client.Dispose();
    }
}
