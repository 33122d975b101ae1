using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Bench;
using GitOpsOperator.Testing.Faults;
using k8s;
using KubeEmulator;
using KubeEmulator.Controllers;

// Initial sync of 1,000 objects vs kubectl apply --server-side (client-side validation off: kubectl 1.32 cannot parse
// the emulator's protobuf OpenAPI v2 for these files), on loopback and through a relay adding 40 ms to every request
// (both tools through the same relay, each against a fresh emulator); then a no-op re-sync and a one-object change.
// `--latency MS` sets the relay's latency; `--parallelism N` the engine's requests in flight (default: SyncOptions').
var options = new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } };
var latency = TimeSpan.FromMilliseconds(Argument(args, "--latency", 40));
var syncOptions = new SyncOptions { Parallelism = Argument(args, "--parallelism", SyncOptions.Default.Parallelism) };
var objects = BenchObjects.Create();
var directory = Directory.CreateTempSubdirectory("sync-bench-").FullName;
var files = WriteFiles(objects, directory);
var owner = new GitSyncOwner("gitops-system", "bench");
var desired = objects.Select(o => BenchObjects.Render(o, files[o])).ToList();

// The engine and the emulator are .NET code in this process, kubectl a Go binary: one namespace's objects synced once on
// a throwaway emulator first, so that neither measured run pays for just-in-time compilation.
await using (var warmUp = await EmulatedCluster.StartAsync(options))
await using (var manager = new SyncManager((Kubernetes)warmUp.CreateClient("gitops-operator-bench")))
{
    await Sync(manager, [.. desired.Where(d => d.Identity.Namespace is "" or "bench-00")], []);
}

var rows = new List<(string Case, string Requests, TimeSpan Time)>();
var ratios = new List<(string Path, double Ratio)>();
foreach (var hop in new[] { TimeSpan.Zero, latency })
{
    var path = hop == TimeSpan.Zero ? "loopback" : $"{hop.TotalMilliseconds:F0} ms a request";
    TimeSpan kubectlTime;
    await using (var cluster = await EmulatedCluster.StartAsync(options))
    await using (var relay = FaultRelay.Start(new Uri(cluster.Url), FaultPlan.None with { Latency = hop }))
    {
        var kubeconfig = hop == TimeSpan.Zero ? cluster.KubeconfigPath : relay.KubeconfigFrom(cluster.KubeconfigPath, Path.Combine(directory, "relay-kubeconfig"));
        var watch = Stopwatch.StartNew();
        await KubectlApplyAsync(kubeconfig, directory);
        kubectlTime = watch.Elapsed;
        rows.Add(($"{path}: kubectl apply --server-side --validate=false -f DIR (1,000 objects)", $"{cluster.Requests.Total} total", kubectlTime));
    }

    await using (var cluster = await EmulatedCluster.StartAsync(options))
    await using (var relay = FaultRelay.Start(new Uri(cluster.Url), FaultPlan.None with { Latency = hop }))
    {
        var client = hop == TimeSpan.Zero
            ? (Kubernetes)cluster.CreateClient("gitops-operator-bench")
            : new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(relay.KubeconfigFrom(cluster.KubeconfigPath, Path.Combine(directory, "relay-kubeconfig"))));
        await using var manager = new SyncManager(client);
        var (first, engineTime) = await MeasureAsync(cluster, $"{path}: sync engine, initial sync (1,000 objects)", () => Sync(manager, desired, []), rows);
        ratios.Add((path, engineTime / kubectlTime));
        if (hop == TimeSpan.Zero)
        {
            var (noop, _) = await MeasureAsync(cluster, "loopback: sync engine, no-op re-sync (1,000 objects)", () => Sync(manager, desired, first.Inventory), rows);
            var changed = desired.Select(d => d.Identity.Name == "config-07" && d.Identity.Namespace == "bench-03"
                ? BenchObjects.Render(WithValue(d.Json, "changed"), d.Source.File)
                : d).ToList();
            var (one, _) = await MeasureAsync(cluster, "loopback: sync engine, one changed object of 1,000", () => Sync(manager, changed, noop.Inventory), rows);
            Console.WriteLine($"initial: {first.Changes}; no-op: {noop.Changes}; one change: {one.Changes}");
        }
    }
}

Directory.Delete(directory, recursive: true);
Console.WriteLine();
Console.WriteLine($"engine parallelism {syncOptions.Parallelism}");
Console.WriteLine("| case | API requests | wall time |");
Console.WriteLine("| --- | --- | --- |");
foreach (var (name, requests, time) in rows)
{
    Console.WriteLine($"| {name} | {requests} | {time.TotalMilliseconds:F0} ms |");
}

Console.WriteLine();
foreach (var (path, ratio) in ratios)
{
    Console.WriteLine($"initial sync, engine / kubectl, {path}: {ratio:F2}x");
}

Console.WriteLine();
Console.WriteLine("Reproduce: dotnet run -c Release --project bench/GitOpsOperator.Sync.Bench" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args)));

Task<SyncResult> Sync(SyncManager manager, IReadOnlyList<GitOpsOperator.Manifests.RenderedObject> set, IReadOnlyList<InventoryRecord> inventory) =>
    manager.SyncAsync(new SyncRequest(owner, set, inventory) { Options = syncOptions }, CancellationToken.None);

static async Task<(SyncResult Result, TimeSpan Time)> MeasureAsync(EmulatedCluster cluster, string name, Func<Task<SyncResult>> sync, List<(string, string, TimeSpan)> rows)
{
    cluster.Requests.Reset();
    var watch = Stopwatch.StartNew();
    var result = await sync();
    var elapsed = watch.Elapsed;
    if (!result.Succeeded)
    {
        throw new InvalidOperationException($"{name}: {result.Message}");
    }

    var writes = cluster.Requests.Count("patch") + cluster.Requests.Count("create") + cluster.Requests.Count("update") + cluster.Requests.Count("delete");
    rows.Add((name, $"{cluster.Requests.Total} total, {writes} patch/create/update/delete (dry-runs included)", elapsed));
    return (result, elapsed);
}

static int Argument(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at < 0 ? fallback
        : at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} needs a positive whole number");
}

static JsonObject WithValue(JsonObject original, string value)
{
    var copy = original.DeepClone().AsObject();
    copy["data"]!["value"] = value;
    return copy;
}

static Dictionary<JsonObject, string> WriteFiles(IReadOnlyList<JsonObject> objects, string directory)
{
    // One List per namespace; the Namespaces themselves in the file kubectl reads first.
    var files = new Dictionary<JsonObject, string>(ReferenceEqualityComparer.Instance);
    foreach (var group in objects.GroupBy(o => o["metadata"]!["namespace"]?.GetValue<string>() ?? ""))
    {
        var file = group.Key.Length == 0 ? "00-namespaces.json" : $"{group.Key}.json";
        var list = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray(group.Select(o => (JsonNode)o.DeepClone()).ToArray()) };
        File.WriteAllText(Path.Combine(directory, file), list.ToJsonString());
        foreach (var obj in group)
        {
            files[obj] = file;
        }
    }

    return files;
}

static async Task KubectlApplyAsync(string kubeconfig, string directory)
{
    // A fresh discovery cache for each run, so kubectl pays for discovery as the engine does.
    var cache = Directory.CreateTempSubdirectory("sync-bench-kubectl-cache-").FullName;
    var start = new ProcessStartInfo("kubectl", ["apply", "--server-side", "--validate=false", "--kubeconfig", kubeconfig, "--cache-dir", cache, "-f", directory])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    Directory.Delete(cache, recursive: true);
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"kubectl failed: {await error}");
    }

    await output;
}
