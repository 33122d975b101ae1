using System.Collections.Concurrent;
using System.Net;
using GitOpsOperator.Api;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// The GitRepositories of one namespace (or all), kept current by list + watch. The watch resumes from the last
/// resourceVersion it saw; when the server says that version is gone (410) or the watch fails, it lists again.
/// Every object that arrives or changes is handed to the change callback together with what was known before.
/// </summary>
public sealed partial class GitRepositoryInformer(IKubernetes client, string? watchedNamespace, ILogger<GitRepositoryInformer> logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<GitRepositoryKey, GitRepository> known = new();

    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public GitRepository? Get(GitRepositoryKey key) => known.GetValueOrDefault(key);

    /// <summary>Lists and watches until cancelled, calling <paramref name="changed"/> (previous, current) for every object seen.</summary>
    public async Task RunAsync(Action<GitRepository?, GitRepository> changed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await ListAsync(changed, cancellationToken).ConfigureAwait(false);
                await WatchUntilExpiredAsync(resourceVersion, changed, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is HttpOperationException or HttpRequestException or KubernetesException or IOException)
            {
                LogListFailed(logger, error.Message);
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> ListAsync(Action<GitRepository?, GitRepository> changed, CancellationToken cancellationToken)
    {
        var list = watchedNamespace is null
            ? await client.CustomObjects.ListClusterCustomObjectAsync<GitRepositoryList>(
                GitOpsApi.Group, GitOpsApi.Version, GitOpsApi.GitRepositoryPlural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await client.CustomObjects.ListNamespacedCustomObjectAsync<GitRepositoryList>(
                GitOpsApi.Group, GitOpsApi.Version, watchedNamespace, GitOpsApi.GitRepositoryPlural, cancellationToken: cancellationToken).ConfigureAwait(false);

        var present = list.Items.Select(GitRepositoryKey.Of).ToHashSet();
        foreach (var gone in known.Keys.Where(key => !present.Contains(key)))
        {
            known.TryRemove(gone, out _);
        }

        foreach (var item in list.Items)
        {
            Apply(WatchEventType.Modified, item, changed);
        }

        return list.Metadata.ResourceVersion;
    }

    /// <summary>Watches from the version until the server ends the watch for good (expired version or an error).</summary>
    private async Task WatchUntilExpiredAsync(string resourceVersion, Action<GitRepository?, GitRepository> changed, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Exception? failure = null;
            // KubernetesClient reports ERROR events (410 Expired among them) through onError and keeps reading.
            void Failed(Exception error)
            {
                failure = error;
                watch.Cancel();
            }

            var events = watchedNamespace is null
                ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                    GitOpsApi.Group, GitOpsApi.Version, GitOpsApi.GitRepositoryPlural,
                    allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: Failed, cancellationToken: watch.Token)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    GitOpsApi.Group, GitOpsApi.Version, watchedNamespace, GitOpsApi.GitRepositoryPlural,
                    allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: Failed, cancellationToken: watch.Token);
            try
            {
                await foreach (var (type, received) in events.ConfigureAwait(false))
                {
                    var item = KubernetesJson.Deserialize<GitRepository>(KubernetesJson.Serialize(received));
                    resourceVersion = item.Metadata.ResourceVersion ?? resourceVersion;
                    Apply(type, item, changed);
                }
            }
            catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
            {
                // Ended by the error callback above; reported just below.
            }

            if (failure is not null)
            {
                LogWatchEnded(logger, IsExpired(failure) ? "its resourceVersion expired" : failure.Message);
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static bool IsExpired(Exception error) =>
        error is KubernetesException { Status.Code: (int)HttpStatusCode.Gone }
        || error is HttpOperationException { Response.StatusCode: HttpStatusCode.Gone };

    private void Apply(WatchEventType type, GitRepository item, Action<GitRepository?, GitRepository> changed)
    {
        var key = GitRepositoryKey.Of(item);
        switch (type)
        {
            case WatchEventType.Deleted:
                known.TryRemove(key, out _);
                break;
            case WatchEventType.Added or WatchEventType.Modified:
                known.TryGetValue(key, out var previous);
                known[key] = item;
                changed(previous, item);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing GitRepositories failed ({Error}); retrying")]
    private static partial void LogListFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The GitRepository watch ended ({Why}); listing again")]
    private static partial void LogWatchEnded(ILogger logger, string why);
}
