using System.Diagnostics;
using System.Text.Json.Nodes;
using GitOpsOperator.Sync;
using GitOpsOperator.Sync.Bench;
using k8s;
using KubeEmulator;
using KubeEmulator.Controllers;

// Initial sync of 1,000 objects vs kubectl apply --server-side (client-side validation off: kubectl 1.32 cannot parse
// the emulator's protobuf OpenAPI v2 for these files), then a no-op re-sync and a one-object change.
var options = new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } };
var objects = BenchObjects.Create();
var directory = Directory.CreateTempSubdirectory("sync-bench-").FullName;
var files = WriteFiles(objects, directory);

var rows = new List<(string Case, string Requests, TimeSpan Time)>();
await using (var kubectlCluster = await EmulatedCluster.StartAsync(options))
{
    var watch = Stopwatch.StartNew();
    await KubectlApplyAsync(kubectlCluster.KubeconfigPath, directory);
    rows.Add(("kubectl apply --server-side --validate=false -f DIR (1,000 objects)", $"{kubectlCluster.Requests.Total} total", watch.Elapsed));
}

await using (var cluster = await EmulatedCluster.StartAsync(options))
{
    await using var manager = new SyncManager((Kubernetes)cluster.CreateClient("gitops-operator-bench"));
    var owner = new GitSyncOwner("gitops-system", "bench");
    var desired = objects.Select(o => BenchObjects.Render(o, files[o])).ToList();

    var first = await MeasureAsync(cluster, "sync engine: initial sync (1,000 objects)", () => manager.SyncAsync(new SyncRequest(owner, desired, []), CancellationToken.None), rows);
    var noop = await MeasureAsync(cluster, "sync engine: no-op re-sync (1,000 objects)", () => manager.SyncAsync(new SyncRequest(owner, desired, first.Inventory), CancellationToken.None), rows);
    var changed = desired.Select(d => d.Identity.Name == "config-07" && d.Identity.Namespace == "bench-03"
        ? BenchObjects.Render(WithValue(d.Json, "changed"), d.Source.File)
        : d).ToList();
    var one = await MeasureAsync(cluster, "sync engine: one changed object of 1,000", () => manager.SyncAsync(new SyncRequest(owner, changed, noop.Inventory), CancellationToken.None), rows);
    Console.WriteLine($"initial: {first.Changes}; no-op: {noop.Changes}; one change: {one.Changes}");
}

Directory.Delete(directory, recursive: true);
Console.WriteLine();
Console.WriteLine("| case | API requests | wall time |");
Console.WriteLine("| --- | --- | --- |");
foreach (var (name, requests, time) in rows)
{
    Console.WriteLine($"| {name} | {requests} | {time.TotalMilliseconds:F0} ms |");
}

Console.WriteLine();
Console.WriteLine("Reproduce: dotnet run -c Release --project bench/GitOpsOperator.Sync.Bench");

static async Task<SyncResult> MeasureAsync(EmulatedCluster cluster, string name, Func<Task<SyncResult>> sync, List<(string, string, TimeSpan)> rows)
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
    return result;
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
    var start = new ProcessStartInfo("kubectl", ["apply", "--server-side", "--validate=false", "--kubeconfig", kubeconfig, "-f", directory])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"kubectl failed: {await error}");
    }

    await output;
}
