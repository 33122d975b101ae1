using System.Collections.Concurrent;
using System.Net;
using GitOpsOperator.Api;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers;

/// <summary>
/// The objects of one of our kinds in one namespace (or all), kept current by list + watch. The watch resumes from the
/// last resourceVersion it saw; when the server says that version is gone (410) or the watch fails, it lists again.
/// Every object that arrives or changes is handed to the change callback together with what was known before; every
/// object that goes away, to the deletion callback.
/// </summary>
public class CustomObjectInformer<TObject, TList>(IKubernetes client, string plural, string? watchedNamespace, ILogger logger)
    where TObject : class, IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<TObject>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(string Namespace, string Name), TObject> known = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first list has arrived.</summary>
    public Task Synced => synced.Task;

    /// <summary>Every object as last seen.</summary>
    public IEnumerable<TObject> All => known.Values;

    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public TObject? Get(string namespaceName, string name) => known.GetValueOrDefault((namespaceName, name));

    /// <summary>Lists and watches until cancelled, calling <paramref name="changed"/> (previous, current) for every object seen.</summary>
    public Task RunAsync(Action<TObject?, TObject> changed, CancellationToken cancellationToken) =>
        RunAsync(changed, _ => { }, cancellationToken);

    /// <summary>Lists and watches until cancelled, reporting objects seen and objects gone.</summary>
    public async Task RunAsync(Action<TObject?, TObject> changed, Action<TObject> deleted, CancellationToken cancellationToken)
    {
        var handlers = new Handlers(changed, deleted);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await ListAsync(handlers, cancellationToken).ConfigureAwait(false);
                await WatchUntilExpiredAsync(resourceVersion, handlers, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is HttpOperationException or HttpRequestException or KubernetesException or IOException)
            {
                InformerLog.ListFailed(logger, plural, error.Message);
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> ListAsync(Handlers handlers, CancellationToken cancellationToken)
    {
        var list = watchedNamespace is null
            ? await client.CustomObjects.ListClusterCustomObjectAsync<TList>(
                GitOpsApi.Group, GitOpsApi.Version, plural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await client.CustomObjects.ListNamespacedCustomObjectAsync<TList>(
                GitOpsApi.Group, GitOpsApi.Version, watchedNamespace, plural, cancellationToken: cancellationToken).ConfigureAwait(false);

        var present = list.Items.Select(Key).ToHashSet();
        foreach (var gone in known.Keys.Where(key => !present.Contains(key)))
        {
            if (known.TryRemove(gone, out var removed))
            {
                handlers.Deleted(removed);
            }
        }

        foreach (var item in list.Items)
        {
            Apply(WatchEventType.Modified, item, handlers);
        }

        synced.TrySetResult();
        return list.Metadata.ResourceVersion;
    }

    /// <summary>Watches from the version until the server ends the watch for good (expired version or an error).</summary>
    private async Task WatchUntilExpiredAsync(string resourceVersion, Handlers handlers, CancellationToken cancellationToken)
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
                    GitOpsApi.Group, GitOpsApi.Version, plural,
                    allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: Failed, cancellationToken: watch.Token)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    GitOpsApi.Group, GitOpsApi.Version, watchedNamespace, plural,
                    allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: Failed, cancellationToken: watch.Token);
            try
            {
                await foreach (var (type, received) in events.ConfigureAwait(false))
                {
                    var item = KubernetesJson.Deserialize<TObject>(KubernetesJson.Serialize(received));
                    resourceVersion = item.Metadata.ResourceVersion ?? resourceVersion;
                    Apply(type, item, handlers);
                }
            }
            catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
            {
                // Ended by the error callback above; reported just below.
            }

            if (failure is not null)
            {
                InformerLog.WatchEnded(logger, plural, IsExpired(failure) ? "its resourceVersion expired" : failure.Message);
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static bool IsExpired(Exception error) =>
        error is KubernetesException { Status.Code: (int)HttpStatusCode.Gone }
        || error is HttpOperationException { Response.StatusCode: HttpStatusCode.Gone };

    private static (string, string) Key(TObject item) => (item.Metadata.NamespaceProperty ?? "", item.Metadata.Name ?? "");

    private void Apply(WatchEventType type, TObject item, Handlers handlers)
    {
        var key = Key(item);
        switch (type)
        {
            case WatchEventType.Deleted:
                if (known.TryRemove(key, out _))
                {
                    handlers.Deleted(item);
                }

                break;
            case WatchEventType.Added or WatchEventType.Modified:
                known.TryGetValue(key, out var previous);
                known[key] = item;
                handlers.Changed(previous, item);
                break;
        }
    }

    private sealed record Handlers(Action<TObject?, TObject> Changed, Action<TObject> Deleted);
}
