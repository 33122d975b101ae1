using System.Diagnostics;
using GitOpsOperator.Api;
using GitOpsOperator.Bench;
using GitOpsOperator.Conditions;
using GitOpsOperator.Crds;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.Logging.Abstractions;

// Benchmark 4: 100 GitSyncs x 100 objects from one monorepo, intervals of 30s; once all are Ready, two minutes of
// steady state (nothing changes in git) measured on the operator process: RSS, CPU, API requests by verb.
// `--minutes N` measures a longer window; RSS is printed once a minute so a trend shows whether it levels off.
// `--operator-env NAME=VALUE` sets the operator's environment (GC settings).
// `--failover`: leader election on; after the measurement a standby replica starts, the leader is killed (SIGKILL) and
// the time from the kill to the standby's first GitSync reconcile is printed.
// `--unmanaged N` first creates N objects the operator does not manage (ConfigMaps and Secrets of 4 KiB, half each).
// `--gitsyncs N [--objects M] [--touches K]`: issue #18's cold start and touched-app latency instead (MonorepoScale).
if (BenchArguments.GitSyncs(args) is > 0 and var gitSyncs)
{
    await MonorepoScale.RunAsync(args, gitSyncs);
    return;
}

const int Apps = 100;
const string Namespace = "gitops-system";
const string Interval = "30s";
var measureFor = TimeSpan.FromMinutes(BenchArguments.Minutes(args, defaultMinutes: 2));
var unmanaged = BenchArguments.Unmanaged(args);
string[] verbs = ["get", "list", "watch", "create", "update", "patch", "delete"];
var readyDeadline = TimeSpan.FromMinutes(10);
string[] leaderElection = BenchArguments.Failover(args) ? ["--leader-election", "--lease-namespace", Namespace] : [];

var directory = Directory.CreateTempSubdirectory("gitops-bench-").FullName;
await using var cluster = await EmulatedCluster.StartAsync();
var client = cluster.Client;
await new CrdInstaller(client, NullLogger<CrdInstaller>.Instance, TimeProvider.System)
    .InstallAsync(CrdManifests.All(), TimeSpan.FromMinutes(1), CancellationToken.None);
foreach (var name in new[] { Namespace }.Concat(Enumerable.Range(0, Apps).Select(Monorepo.PathName)))
{
    await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
}

await UnmanagedObjects.CreateAsync(client, [.. Enumerable.Range(0, Apps).Select(Monorepo.PathName)], unmanaged);
var repo = await Monorepo.CreateAsync(directory, Apps);
await using var operatorProcess = OperatorProcess.Start(
    cluster.KubeconfigPath, Path.Combine(directory, "cache"), BenchArguments.OperatorEnvironment(args), leaderElection);
var setup = Stopwatch.StartNew();
await MonorepoSyncs.CreateAsync(client, Namespace, repo, Apps, Interval, name => name);

while (await ReadyCountAsync(client) < Apps)
{
    if (setup.Elapsed > readyDeadline || operatorProcess.HasExited)
    {
        throw new InvalidOperationException($"only {await ReadyCountAsync(client)} of {Apps} GitSyncs became Ready in {setup.Elapsed}");
    }

    await Task.Delay(TimeSpan.FromSeconds(1));
}

var allReady = setup.Elapsed;
var rssAtStart = operatorProcess.ResidentBytes;
var cpuAtStart = operatorProcess.CpuTime;
var reconcilesAtStart = operatorProcess.GitSyncReconciles;
var rssPeak = rssAtStart;
cluster.Requests.Reset();
var measuring = Stopwatch.StartNew();
Console.WriteLine($"operator pid {operatorProcess.Id}; minute 0: RSS {Mib(rssAtStart)} MiB");
var nextMinute = 1;
while (measuring.Elapsed < measureFor)
{
    await Task.Delay(TimeSpan.FromSeconds(5));
    var rss = operatorProcess.ResidentBytes;
    rssPeak = Math.Max(rssPeak, rss);
    if (measuring.Elapsed >= TimeSpan.FromMinutes(nextMinute))
    {
        Console.WriteLine($"minute {nextMinute}: RSS {Mib(rss)} MiB");
        nextMinute++;
    }
}

var minutes = measuring.Elapsed.TotalMinutes;
var cpuPerMinute = (operatorProcess.CpuTime - cpuAtStart).TotalSeconds / minutes;
var rssAtEnd = operatorProcess.ResidentBytes;
var reconcilesPerMinute = (operatorProcess.GitSyncReconciles - reconcilesAtStart) / minutes;
var requests = cluster.Requests.Snapshot();
var stillReady = await ReadyCountAsync(client);

Console.WriteLine($"{Apps} GitSyncs x {Monorepo.ObjectsPerPath} objects ({Apps * Monorepo.ObjectsPerPath:N0}) among {unmanaged:N0} unmanaged ones, intervals {Interval}: all Ready after {allReady.TotalSeconds:F1} s; measured {measuring.Elapsed.TotalSeconds:F0} s of steady state; {stillReady} Ready at the end.");
Console.WriteLine();
Console.WriteLine("| measure (operator process, steady state) | value |");
Console.WriteLine("| --- | ---: |");
Console.WriteLine($"| RSS at start / end / peak | {Mib(rssAtStart)} / {Mib(rssAtEnd)} / {Mib(rssPeak)} MiB |");
Console.WriteLine($"| CPU seconds per minute | {cpuPerMinute:F2} |");
Console.WriteLine($"| GitSync reconciles per minute (logged) | {reconcilesPerMinute:F0} |");
foreach (var verb in verbs.Union(requests.Keys.Select(k => k.Verb)))
{
    var ofVerb = requests.Where(r => r.Key.Verb == verb).OrderByDescending(r => r.Value).ToList();
    var detail = ofVerb.Count == 0 ? "" : " (" + string.Join(", ", ofVerb.Select(r => $"{(r.Key.Resource.Length == 0 ? "discovery" : r.Key.Resource)} {r.Value / minutes:F1}")) + ")";
    Console.WriteLine($"| API {verb} requests per minute | {ofVerb.Sum(r => r.Value) / minutes:F1}{detail} |");
}

if (BenchArguments.Failover(args))
{
    await using var standby = OperatorProcess.Start(
        cluster.KubeconfigPath, Path.Combine(directory, "cache-standby"), BenchArguments.OperatorEnvironment(args), leaderElection);
    await UntilAsync(() => standby.Following, "the standby follows the leader");
    var killedAt = Stopwatch.GetTimestamp();
    await operatorProcess.KillAsync();
    await UntilAsync(() => standby.FirstReconcileAt != 0, "the standby reconciles");
    var gap = Stopwatch.GetElapsedTime(killedAt, standby.FirstReconcileAt);
    Console.WriteLine($"| leader killed (SIGKILL) → the standby's first GitSync reconcile (default lease 15 s) | {gap.TotalSeconds:F1} s |");
}

Console.WriteLine();
Console.WriteLine("Reproduce: dotnet run -c Release --project bench/GitOpsOperator.Bench" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args)));
Directory.Delete(directory, recursive: true);

static async Task UntilAsync(Func<bool> condition, string what)
{
    var waited = Stopwatch.StartNew();
    while (!condition())
    {
        if (waited.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new TimeoutException($"gave up waiting for: {what}");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(20));
    }
}

static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);

static async Task<int> ReadyCountAsync(IKubernetes client)
{
    var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<GitSyncList>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural);
    return list.Items.Count(s => s.Status?.Conditions.IsTrue(ConditionTypes.Ready) == true);
}
