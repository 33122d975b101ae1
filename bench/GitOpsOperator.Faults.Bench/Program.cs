using System.Diagnostics;
using System.Globalization;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Crds;
using GitOpsOperator.Faults.Bench;
using GitOpsOperator.Hosting;
using GitOpsOperator.Testing.Faults;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

// A 1,000-object GitSync converging through a fault relay that fails a share of the operator's API requests (500,
// 429 Retry-After: 1, reset; equal parts) and cuts every watch after 3 s. For each failure rate (default 0, 0.05, 0.10;
// or the rates given as arguments) a fresh emulator, relay and in-process operator: the time from creating the GitSync
// to Ready at the commit, and the requests it cost (as the relay saw them, and as the API server served them).
const int Objects = 1000;
const string Namespace = "gitops-system";
var deadline = TimeSpan.FromMinutes(5);
var rates = args.Length > 0 ? args.Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [0, 0.05, 0.10];

Console.WriteLine($"| injected failures | Ready after | requests through the relay | failed by the relay (500 / 429 / reset) | served by the API server (excl. watches) | watches cut |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var rate in rates)
{
    var directory = Directory.CreateTempSubdirectory("gitops-faults-bench-").FullName;
    await using var cluster = await EmulatedCluster.StartAsync();
    await new CrdInstaller(cluster.Client, NullLogger<CrdInstaller>.Instance, TimeProvider.System)
        .InstallAsync(CrdManifests.All(), TimeSpan.FromMinutes(1), CancellationToken.None);
    await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
    var repo = await ConfigRepo.CreateAsync(directory, Objects, Namespace);
    await using var relay = FaultRelay.Start(new Uri(cluster.Url), new FaultPlan(rate, WatchCut: TimeSpan.FromSeconds(3)));
    var kubeconfig = relay.KubeconfigFrom(cluster.KubeconfigPath, Path.Combine(directory, "kubeconfig"));
    using var host = OperatorHost.Build(
        new Dictionary<string, string?> { ["Operator:GitCacheDirectory"] = Path.Combine(directory, "cache") },
        new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1", LogLevel = "Error" },
        KubernetesConnection.Resolve(kubeconfig));
    await host.StartAsync();

    await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
        new GitRepository
        {
            Metadata = new V1ObjectMeta { Name = "config", NamespaceProperty = Namespace },
            Spec = new GitRepositorySpec { Url = "file://" + repo, Ref = new GitReference { Branch = "main" }, Interval = "1h" },
        },
        GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural);
    var revision = await WaitForAsync(async () => (await ListAsync<GitRepositoryList>(cluster.Client, GitOpsApi.GitRepositoryPlural)).Items.Single().Status?.Artifact?.Revision, deadline);
    var requestsBefore = cluster.Requests.Snapshot();
    var relayedBefore = relay.Counts;
    var converge = Stopwatch.StartNew();
    await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
        new GitSync
        {
            Metadata = new V1ObjectMeta { Name = "many", NamespaceProperty = Namespace },
            Spec = new GitSyncSpec { SourceRef = new SourceReference { Name = "config" }, Path = ConfigRepo.Path, Prune = true },
        },
        GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural);
    await WaitForAsync(
        async () => (await ListAsync<GitSyncList>(cluster.Client, GitOpsApi.GitSyncPlural)).Items.Single().Status is { } status
            && status.LastAppliedRevision == revision && status.Conditions.IsTrue(ConditionTypes.Ready) ? revision : null,
        deadline);
    var took = converge.Elapsed;

    var served = cluster.Requests.Snapshot().Where(r => r.Key.Verb != "watch").Sum(r => r.Value - requestsBefore.GetValueOrDefault(r.Key));
    var relayed = relay.Counts.ToDictionary(c => c.Key, c => c.Value - relayedBefore.GetValueOrDefault(c.Key));
    int Of(FaultKind kind) => relayed.GetValueOrDefault(kind);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {rate:P0} | {took.TotalSeconds:F1} s | {relayed.Values.Sum():N0} | {Of(FaultKind.ServerError)} / {Of(FaultKind.TooManyRequests)} / {Of(FaultKind.ConnectionReset)} | {served:N0} | {relay.WatchesCut} |"));
    await host.StopAsync();
    Directory.Delete(directory, recursive: true);
}

Console.WriteLine();
Console.WriteLine("Reproduce: dotnet run -c Release --project bench/GitOpsOperator.Faults.Bench" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args)));

static Task<T> ListAsync<T>(IKubernetes client, string plural) =>
    client.CustomObjects.ListNamespacedCustomObjectAsync<T>(GitOpsApi.Group, GitOpsApi.Version, Namespace, plural);

// Polls until the probe gives a value; throws after the deadline.
static async Task<string> WaitForAsync(Func<Task<string?>> probe, TimeSpan deadline)
{
    var waited = Stopwatch.StartNew();
    while (true)
    {
        if (await probe() is { } value)
        {
            return value;
        }

        if (waited.Elapsed > deadline)
        {
            throw new TimeoutException($"not there within {deadline}");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100));
    }
}
