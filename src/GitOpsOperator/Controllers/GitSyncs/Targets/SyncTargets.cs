using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Live;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitSyncs.Targets;

/// <summary>
/// Resolves a GitSync to the cluster it syncs with: the operator's own, at no cost, or with spec.kubeConfig a remote
/// cluster built from the kubeconfig its Secret holds (read at each resolve: the Secret may appear or change). GitSyncs
/// whose kubeconfigs are the same share one remote; a remote no GitSync uses any more is closed, and every remote when
/// the controller stops. Status, Events and inventory stay in the operator's own cluster. Listeners hear the changes of
/// every cluster's watch cache.
/// </summary>
public sealed partial class SyncTargets : IAsyncDisposable
{
    /// <summary>The keys tried, in order, when spec.kubeConfig.secretRef gives none.</summary>
    private static readonly string[] DefaultKeys = ["value", "value.yaml"];

    private readonly SecretReader secrets;
    private readonly KubernetesClients clients;
    private readonly string? watchedNamespace;
    private readonly ILoggerFactory loggers;
    private readonly ILogger logger;
    private readonly IDisposable homeSubscription;
    private readonly TargetResolution atHome;
    private readonly Lock gate = new();
    private readonly Dictionary<string, RemoteCluster> remotes = new(StringComparer.Ordinal);
    private readonly Dictionary<GitSyncKey, RemoteCluster> bound = [];
    private readonly List<Task> closing = [];
    private Action<LiveObjectEvent>[] listeners = [];

    public SyncTargets(SyncManager home, SecretReader secrets, KubernetesClients clients, string? watchedNamespace, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(loggers);
        Home = SyncTarget.For(home);
        atHome = TargetResolution.Found(Home);
        this.secrets = secrets;
        this.clients = clients;
        this.watchedNamespace = watchedNamespace;
        this.loggers = loggers;
        logger = loggers.CreateLogger<SyncTargets>();
        homeSubscription = home.Cache.Subscribe(Publish);
    }

    /// <summary>The operator's own cluster.</summary>
    public SyncTarget Home { get; }

    /// <summary>Calls the listener for every change any cluster's watch cache hears, until the handle is disposed.</summary>
    public IDisposable Subscribe(Action<LiveObjectEvent> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners, listener];
        }

        return new Unsubscriber(() =>
        {
            lock (gate)
            {
                listeners = [.. listeners.Where(l => l != listener)];
            }
        });
    }

    /// <summary>
    /// The cluster the GitSync syncs with. Refused with InvalidSpec when its kubeconfig Secret or key is missing or the
    /// kubeconfig cannot serve the operator, with ApplyFailed when the remote cluster does not answer.
    /// </summary>
    public async Task<TargetResolution> ResolveAsync(GitSync gitSync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        var key = GitSyncKey.Of(gitSync);
        if (gitSync.Spec.KubeConfig is not { } reference)
        {
            Release(key);
            return atHome;
        }

        var (kubeconfig, problem) = await ReadAsync(key.Namespace, reference.SecretRef, cancellationToken).ConfigureAwait(false);
        if (kubeconfig is null)
        {
            Release(key);
            return TargetResolution.Refused(Reasons.InvalidSpec, $"spec.kubeConfig: {problem}");
        }

        var remote = Bind(key, kubeconfig, reference.SecretRef.Name);
        return await remote.ReachAsync(cancellationToken).ConfigureAwait(false) is { } unreachable
            ? TargetResolution.Refused(Reasons.ApplyFailed, $"the cluster of spec.kubeConfig (Secret {key.Namespace}/{reference.SecretRef.Name}) did not answer: {unreachable}")
            : TargetResolution.Found(remote.Target);
    }

    /// <summary>The GitSync no longer syncs with a remote cluster (it is gone); the remote closes when nobody else uses it.</summary>
    public void Release(GitSyncKey key)
    {
        lock (gate)
        {
            ReleaseHeld(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        homeSubscription.Dispose();
        List<Task> pending;
        List<RemoteCluster> open;
        lock (gate)
        {
            (pending, open) = ([.. closing], [.. remotes.Values]);
            remotes.Clear();
            bound.Clear();
            closing.Clear();
        }

        await Task.WhenAll([.. pending, .. open.Select(r => r.DisposeAsync().AsTask())]).ConfigureAwait(false);
    }

    private async Task<(RemoteKubeconfig? Kubeconfig, string? Problem)> ReadAsync(string @namespace, SecretKeyReference reference, CancellationToken cancellationToken)
    {
        var secret = await secrets.ReadAsync(@namespace, reference.Name, cancellationToken).ConfigureAwait(false);
        if (secret.Failure is { } missing)
        {
            return (null, missing.Message);
        }

        var data = secret.Value!;
        string[] keys = reference.Key is { } key ? [key] : DefaultKeys;
        if (keys.FirstOrDefault(data.ContainsKey) is not { } found)
        {
            return (null, $"Secret {@namespace}/{reference.Name} has no key {string.Join(" or ", keys.Select(k => $"\"{k}\""))}");
        }

        var (kubeconfig, problem) = RemoteKubeconfig.Read(data[found]);
        return (kubeconfig, problem is null ? null : $"the kubeconfig in Secret {@namespace}/{reference.Name} key \"{found}\" {problem}");
    }

    /// <summary>The remote for this kubeconfig, opened when none is; the GitSync leaves the remote it used before.</summary>
    private RemoteCluster Bind(GitSyncKey key, RemoteKubeconfig kubeconfig, string secret)
    {
        lock (gate)
        {
            if (bound.TryGetValue(key, out var current) && current.Hash == kubeconfig.Hash)
            {
                return current;
            }

            ReleaseHeld(key);
            if (!remotes.TryGetValue(kubeconfig.Hash, out var remote))
            {
                remote = new RemoteCluster(kubeconfig.Hash, clients.Create(kubeconfig.Configuration), watchedNamespace, Publish, loggers);
                remotes[kubeconfig.Hash] = remote;
                LogOpened(logger, key.Namespace, key.Name, secret, remotes.Count);
            }

            remote.Users.Add(key);
            bound[key] = remote;
            return remote;
        }
    }

    private void ReleaseHeld(GitSyncKey key)
    {
        if (!bound.Remove(key, out var remote) || !remote.Users.Remove(key) || remote.Users.Count > 0)
        {
            return;
        }

        remotes.Remove(remote.Hash);
        closing.RemoveAll(t => t.IsCompleted);
        closing.Add(Task.Run(() => remote.DisposeAsync().AsTask()));
        LogClosed(logger, key.Namespace, key.Name, remotes.Count);
    }

    private void Publish(LiveObjectEvent change)
    {
        foreach (var listener in Volatile.Read(ref listeners))
        {
            listener(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Remote cluster opened for GitSync {Namespace}/{Name} from the kubeconfig in Secret {Secret}; {Remotes} remote clusters open")]
    private static partial void LogOpened(ILogger logger, string @namespace, string name, string secret, int remotes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Remote cluster closed: GitSync {Namespace}/{Name}, its last user, left it; {Remotes} remote clusters open")]
    private static partial void LogClosed(ILogger logger, string @namespace, string name, int remotes);

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
