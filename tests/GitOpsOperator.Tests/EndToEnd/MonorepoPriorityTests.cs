using System.Collections.Concurrent;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers;
using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Tests.Support;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MonorepoPriorityTests
{
    private const int Apps = 6;
    private const int Touched = 3;

    /// <summary>
    /// One worker, so the order the GitSyncs are handled in is the order a watch sees them record the revision: the app
    /// the commit changed first, then the ones that only record it.
    /// </summary>
    [Fact]
    public async Task A_commit_touching_one_app_of_a_monorepo_is_applied_before_the_other_apps_record_its_revision()
    {
        await using var cluster = await GitOpsCluster.StartAsync(concurrency: 1);
        var first = await cluster.PushAsync("Add the apps", [.. Enumerable.Range(0, Apps).Select(app => (Path(app), (string?)Config(app, "1")))]);
        for (var app = 0; app < Apps; app++)
        {
            await cluster.ApplyGitSyncAsync(Name(app), $"  path: ./apps/{Name(app)}\n  prune: true\n");
        }

        foreach (var app in Enumerable.Range(0, Apps))
        {
            await cluster.WaitForReadyAsync(Name(app), first);
        }

        var applied = new ConcurrentQueue<(string GitSync, string? Revision)>();
        using var stop = new CancellationTokenSource();
        var informer = GitSyncs(cluster);
        var watching = informer.RunAsync(RecordAppliedRevision(applied), _ => { }, stop.Token);
        await informer.WaitUntilSyncedAsync(stop.Token);
        var second = await cluster.PushAsync("Bump one app", (Path(Touched), Config(Touched, "2")));
        foreach (var app in Enumerable.Range(0, Apps))
        {
            await cluster.WaitForReadyAsync(Name(app), second);
        }

        await Eventually.TrueAsync(() => applied.Count(a => a.Revision == GitOpsCluster.Revision(second)) == Apps, "the watch saw every GitSync at the new revision");
        await stop.CancelAsync();
        await watching;
        var order = applied.Where(a => a.Revision == GitOpsCluster.Revision(second)).Select(a => a.GitSync).ToList();
        Assert.Equal(Name(Touched), order[0]);
        var live = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Name(Touched), "default");
        Assert.Equal("2", live.Data["version"]);
    }

    private static Informer<GitSync> GitSyncs(GitOpsCluster cluster)
    {
        var type = new ResourceType(new GroupVersionKind(GitOpsApi.Group, GitOpsApi.Version, GitOpsApi.GitSyncKind), GitOpsApi.GitSyncPlural, true);
        var source = new TypedListWatch<GitSync>(new JsonListWatch(new KubeApi((Kubernetes)cluster.Client), type, GitOpsCluster.Namespace, null));
        return new Informer<GitSync>(source, NullLogger.Instance);
    }

    /// <summary>Records, in the order the watch delivers them, each GitSync's lastAppliedRevision as it changes.</summary>
    private static Action<GitSync?, GitSync> RecordAppliedRevision(ConcurrentQueue<(string, string?)> applied) => (previous, current) =>
    {
        if (previous is not null && previous.Status?.LastAppliedRevision != current.Status?.LastAppliedRevision)
        {
            applied.Enqueue((current.Metadata.Name, current.Status?.LastAppliedRevision));
        }
    };

    private static string Name(int app) => $"app-{app}";

    private static string Path(int app) => $"apps/{Name(app)}/config.yaml";

    private static string Config(int app, string version) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {Name(app)}\n  namespace: default\ndata:\n  version: \"{version}\"\n";
}
