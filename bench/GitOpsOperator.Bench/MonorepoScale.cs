using System.Diagnostics;
using System.Globalization;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Crds;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Introspection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Bench;

/// <summary>
/// Issue #18's scale shape: N GitSyncs of one monorepo, each M ConfigMaps, all in place before the operator starts.
/// Prints the cold start (operator process start → every GitSync Ready, as a watch sees it) and, several times, the
/// latency of a commit touching one app (the push announced as a webhook does → that app's new ConfigMap value seen by
/// a watch), plus how long the other GitSyncs took to record the revision, and API requests by verb in each phase.
/// </summary>
internal static class MonorepoScale
{
    private const string Namespace = "gitops-system";
    private const string AppNamespace = "apps";
    private const string Interval = "10m";

    public static async Task RunAsync(string[] args, int apps)
    {
        var configMaps = BenchArguments.Objects(args, defaultObjects: 4);
        var touches = BenchArguments.Touches(args, defaultTouches: 5);
        var directory = Directory.CreateTempSubdirectory("gitops-bench-scale-").FullName;
        await using var cluster = await EmulatedCluster.StartAsync();
        var client = cluster.Client;
        await new CrdInstaller(client, NullLogger<CrdInstaller>.Instance, TimeProvider.System)
            .InstallAsync(CrdManifests.All(), TimeSpan.FromMinutes(1), CancellationToken.None);
        foreach (var name in new[] { Namespace, AppNamespace })
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }

        var repo = await ConfigMapMonorepo.CreateAsync(directory, apps, configMaps);
        await MonorepoSyncs.CreateAsync(client, Namespace, repo.Bare, apps, Interval, _ => AppNamespace);
        await using var watched = new WatchedCluster(client, Namespace, AppNamespace);
        cluster.Requests.Reset();
        var emulatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await using var operatorProcess = OperatorProcess.Start(
            cluster.KubeconfigPath, Path.Combine(directory, "cache"), BenchArguments.OperatorEnvironment(args), BenchArguments.OperatorArguments(args));
        var allReady = await watched.AllReadyAsync(apps);
        var coldRequests = cluster.Requests.Snapshot();
        var coldCpu = operatorProcess.CpuTime;
        emulatorCpu = Process.GetCurrentProcess().TotalProcessorTime - emulatorCpu;
        var firstReconcile = operatorProcess.FirstReconcileAt;

        var latencies = new List<TimeSpan>();
        var fetches = new List<TimeSpan>();
        var fanOuts = new List<TimeSpan>();
        var ranks = new List<int>();
        var touchRequests = new List<IReadOnlyDictionary<RequestKey, int>>();
        var names = Enumerable.Range(0, apps).Select(Monorepo.PathName).ToList();
        for (var touch = 0; touch < touches; touch++)
        {
            var app = (touch * 389 + apps / 2) % apps;
            var value = $"touch-{touch}";
            var sha = await repo.TouchAsync(app, configMaps, value);
            cluster.Requests.Reset();
            var pushed = Stopwatch.GetTimestamp();
            await AnnounceAsync(client);
            var artifact = await watched.ArtifactSeenAsync($"main@sha1:{sha}");
            var live = await watched.ValueSeenAsync(ConfigMapMonorepo.ConfigMapName(app, 0), value);
            var applied = await watched.AppliedAsync(names, $"main@sha1:{sha}");
            latencies.Add(Stopwatch.GetElapsedTime(pushed, live));
            fetches.Add(Stopwatch.GetElapsedTime(pushed, artifact));
            fanOuts.Add(Stopwatch.GetElapsedTime(pushed, applied.Values.Max()));
            ranks.Add(applied.Values.Count(at => at < applied[Monorepo.PathName(app)]) + 1);
            touchRequests.Add(cluster.Requests.Snapshot());
        }

        var cold = Stopwatch.GetElapsedTime(started, allReady);
        var activeRss = operatorProcess.ResidentBytes;
        await Task.Delay(TimeSpan.FromMinutes(1));
        Console.WriteLine($"{apps} GitSyncs x {configMaps} ConfigMaps in one monorepo, one operator process (pid {operatorProcess.Id}), {Environment.ProcessorCount} cores:");
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine($"| cold start: process start → all {apps} Ready (watch) | {cold.TotalSeconds:F1} s |");
        Console.WriteLine($"| … of which process start → first GitSync reconcile logged | {(firstReconcile == 0 ? "-" : Stopwatch.GetElapsedTime(started, firstReconcile).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s")} |");
        Console.WriteLine($"| cold start CPU: operator / emulator and watches (bench process) | {coldCpu.TotalSeconds:F1} / {emulatorCpu.TotalSeconds:F1} s |");
        Console.WriteLine($"| cold start API requests | {Requests(coldRequests)} |");
        Console.WriteLine($"| touched app: push announced → its ConfigMap's new value seen (median / max of {touches}) | {Median(latencies):F2} / {latencies.Max().TotalSeconds:F2} s |");
        Console.WriteLine($"| … of which push announced → the GitRepository shows the new artifact (median / max) | {Median(fetches):F2} / {fetches.Max().TotalSeconds:F2} s |");
        Console.WriteLine($"| the same push → all {apps} GitSyncs show it applied (median / max) | {Median(fanOuts):F2} / {fanOuts.Max().TotalSeconds:F2} s |");
        Console.WriteLine($"| touched GitSync's place among {apps} showing the revision applied | {string.Join(", ", ranks)} |");
        Console.WriteLine($"| API requests per touched commit (mean) | {Requests(Mean(touchRequests))} |");
        Console.WriteLine($"| operator RSS after the last touch / idle a minute later | {activeRss / 1024 / 1024} / {operatorProcess.ResidentBytes / 1024 / 1024} MiB |");
        Console.WriteLine();
        Console.WriteLine("Reproduce: dotnet run -c Release --project bench/GitOpsOperator.Bench -- " + string.Join(' ', args));
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>What a push webhook does: sets the GitRepository's requestedAt annotation.</summary>
    private static Task AnnounceAsync(IKubernetes client)
    {
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var patch = new V1Patch(
            new { metadata = new { annotations = new Dictionary<string, string> { [ReconcileTriggers.RequestedAtAnnotation] = at } } }, V1Patch.PatchType.MergePatch);
        return client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural, "monorepo");
    }

    private static double Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2).TotalSeconds;

    private static Dictionary<RequestKey, int> Mean(List<IReadOnlyDictionary<RequestKey, int>> phases) =>
        phases.SelectMany(p => p).GroupBy(c => c.Key)
            .Select(g => (g.Key, Mean: (int)Math.Round(g.Sum(c => c.Value) / (double)phases.Count)))
            .Where(c => c.Mean > 0)
            .ToDictionary(c => c.Key, c => c.Mean);

    private static string Requests(IReadOnlyDictionary<RequestKey, int> counts) =>
        string.Join(", ", counts
            .GroupBy(c => c.Key.Verb)
            .OrderByDescending(g => g.Sum(c => c.Value))
            .Select(g => $"{g.Key} {g.Sum(c => c.Value)} (" + string.Join(", ", g.OrderByDescending(c => c.Value)
                .Select(c => $"{(c.Key.Resource.Length == 0 ? "discovery" : c.Key.Resource)}{(c.Key.DryRun ? " dry-run" : "")} {c.Value}")) + ")"));
}
