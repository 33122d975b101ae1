using System.Collections.Concurrent;
using System.Diagnostics;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers;
using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Bench;

/// <summary>
/// What a user watching the cluster sees, timestamped as it arrives: when each GitSync first showed Ready, when each
/// showed a lastAppliedRevision, when each ConfigMap showed a value, when the GitRepository showed an artifact. Uses the
/// operator's own informer (list + watch).
/// </summary>
internal sealed class WatchedCluster : IAsyncDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, long> readyAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string GitSync, string Revision), long> appliedAt = new();
    private readonly ConcurrentDictionary<(string ConfigMap, string Value), long> valueAt = new();
    private readonly ConcurrentDictionary<string, long> artifactAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task gitSyncs;
    private readonly Task configMaps;
    private readonly Task repositories;

    public WatchedCluster(IKubernetes client, string gitSyncNamespace, string appNamespace)
    {
        var api = new KubeApi((Kubernetes)client);
        var gitSyncType = new ResourceType(new GroupVersionKind(GitOpsApi.Group, GitOpsApi.Version, GitOpsApi.GitSyncKind), GitOpsApi.GitSyncPlural, true);
        var configMapType = new ResourceType(new GroupVersionKind("", "v1", "ConfigMap"), "configmaps", true);
        var repositoryType = new ResourceType(
            new GroupVersionKind(GitOpsApi.Group, GitOpsApi.Version, GitOpsApi.GitRepositoryKind), GitOpsApi.GitRepositoryPlural, true);
        var gitSyncInformer = new Informer<GitSync>(new TypedListWatch<GitSync>(new JsonListWatch(api, gitSyncType, gitSyncNamespace, null)), NullLogger.Instance);
        var configMapInformer = new Informer<V1ConfigMap>(new TypedListWatch<V1ConfigMap>(new JsonListWatch(api, configMapType, appNamespace, null)), NullLogger.Instance);
        gitSyncs = gitSyncInformer.RunAsync((_, current) => Seen(current), _ => { }, stop.Token);
        configMaps = configMapInformer.RunAsync((_, current) => Seen(current), _ => { }, stop.Token);
        var repositoryInformer = new Informer<GitRepository>(
            new TypedListWatch<GitRepository>(new JsonListWatch(api, repositoryType, gitSyncNamespace, null)), NullLogger.Instance);
        repositories = repositoryInformer.RunAsync((_, current) => Seen(current), _ => { }, stop.Token);
    }

    public int ReadyCount => readyAt.Count;

    /// <summary>Waits until <paramref name="count"/> GitSyncs showed Ready; returns when the last of them did.</summary>
    public Task<long> AllReadyAsync(int count) => UntilAsync(() => readyAt.Count >= count ? readyAt.Values.Max() : null, $"{count} GitSyncs Ready");

    /// <summary>Waits until the ConfigMap shows the value; returns when it first did.</summary>
    public Task<long> ValueSeenAsync(string configMap, string value) =>
        UntilAsync(() => valueAt.TryGetValue((configMap, value), out var at) ? at : null, $"ConfigMap {configMap} = {value}");

    /// <summary>Waits until a GitRepository shows the revision as its artifact; returns when it first did.</summary>
    public Task<long> ArtifactSeenAsync(string revision) =>
        UntilAsync(() => artifactAt.TryGetValue(revision, out var at) ? at : null, $"an artifact at {revision}");

    /// <summary>Waits until every named GitSync showed the revision applied; returns each one's time.</summary>
    public async Task<IReadOnlyDictionary<string, long>> AppliedAsync(IReadOnlyCollection<string> names, string revision)
    {
        await UntilAsync(() => names.All(n => appliedAt.ContainsKey((n, revision))) ? 0 : null, $"{names.Count} GitSyncs at {revision}");
        return names.ToDictionary(n => n, n => appliedAt[(n, revision)]);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(gitSyncs, configMaps, repositories);
        stop.Dispose();
    }

    private static async Task<long> UntilAsync(Func<long?> seen, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (seen() is { } at)
            {
                return at;
            }

            if (waited.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"gave up waiting for: {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }

    private void Seen(GitSync gitSync)
    {
        var now = Stopwatch.GetTimestamp();
        var name = gitSync.Metadata.Name ?? "";
        if (gitSync.Status?.Conditions.IsTrue(ConditionTypes.Ready) == true)
        {
            readyAt.TryAdd(name, now);
        }

        if (gitSync.Status?.LastAppliedRevision is { } revision)
        {
            appliedAt.TryAdd((name, revision), now);
        }
    }

    private void Seen(GitRepository repository)
    {
        if (repository.Status?.Artifact?.Revision is { } revision)
        {
            artifactAt.TryAdd(revision, Stopwatch.GetTimestamp());
        }
    }

    private void Seen(V1ConfigMap configMap)
    {
        if (configMap.Data?.TryGetValue("value", out var value) == true)
        {
            valueAt.TryAdd((configMap.Metadata.Name ?? "", value), Stopwatch.GetTimestamp());
        }
    }
}
