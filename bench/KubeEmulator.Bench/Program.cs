using System.Diagnostics;
using k8s;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Controllers;

const int AppliedObjects = 1_000;
const int ListedObjects = 10_000;

Console.WriteLine("KubeEmulator benchmark (reproduce: dotnet run -c Release --project bench/KubeEmulator.Bench [-- authorization])");
await using var cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Controllers = new ControllerOptions { Enabled = false } });
if (args is ["authorization"])
{
    await FillAsync(cluster, ListedObjects);
    await KubeEmulator.Bench.AuthorizationCost.RunAsync(cluster, ListedObjects);
    return;
}

var directory = Directory.CreateTempSubdirectory("kube-emulator-bench-");
try
{
    for (var i = 0; i < AppliedObjects; i++)
    {
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, $"cm-{i:D4}.yaml"),
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied-{i}\n  namespace: default\ndata:\n  index: \"{i}\"\n");
    }

    var kubectl = new[] { "--kubeconfig", cluster.KubeconfigPath, "apply", "--server-side", "-f", directory.FullName };
    var applyTime = await TimeAsync(() => RunAsync("kubectl", kubectl));
    Console.WriteLine($"kubectl apply --server-side of {AppliedObjects} ConfigMaps: {applyTime.TotalSeconds:F2} s (kubectl {string.Join(' ', kubectl)})");
    var reapplyTime = await TimeAsync(() => RunAsync("kubectl", kubectl));
    Console.WriteLine($"the same again (no change): {reapplyTime.TotalSeconds:F2} s");

    var remaining = ListedObjects - AppliedObjects;
    var fillTime = await TimeAsync(() => FillAsync(cluster, remaining));
    Console.WriteLine($"{remaining} creates through KubernetesClient (8 in parallel): {fillTime.TotalSeconds:F2} s");

    V1ConfigMapList? list = null;
    await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default");
    var listTime = await TimeAsync(async () => list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default"));
    Console.WriteLine($"list of {list!.Items.Count} ConfigMaps through KubernetesClient: {listTime.TotalMilliseconds:F0} ms");
    var kubectlList = new[] { "--kubeconfig", cluster.KubeconfigPath, "get", "configmaps", "-n", "default", "-o", "name" };
    var kubectlListTime = await TimeAsync(() => RunAsync("kubectl", kubectlList));
    Console.WriteLine($"kubectl get configmaps -o name of {ListedObjects} (paged by 500): {kubectlListTime.TotalMilliseconds:F0} ms");
    await KubeEmulator.Bench.AuthorizationCost.RunAsync(cluster, ListedObjects);
}
finally
{
    directory.Delete(recursive: true);
}

static Task FillAsync(EmulatedCluster cluster, int count) =>
    Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = $"filled-{i}", Labels = new Dictionary<string, string> { ["bench"] = "true" } },
            Data = new Dictionary<string, string> { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, "default", cancellationToken: ct));

static async Task<TimeSpan> TimeAsync(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed;
}

static async Task RunAsync(string executable, string[] args)
{
    var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in args)
    {
        info.ArgumentList.Add(arg);
    }

    using var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start");
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    await stdout;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{executable} {string.Join(' ', args)} failed: {await stderr}");
    }
}
