using System.Diagnostics;
using GitOpsOperator.Manifests;
using GitOpsOperator.Manifests.Bench;
using KubeEmulator;

// Renders 5,000 objects in 500 files with our reader (pinned to one core) and, in the same run, with kubectl
// against the emulated API server (all cores); kustomize, which slows down steeply with size, gets 500 of them.
// With --helm: a chart of 200 templates, with `helm template` itself and through our renderer (helm on PATH).
const int Runs = 5;
const string Namespace = "bench";
if (args.Contains("--helm"))
{
    return await HelmBench.RunAsync(Runs, Namespace);
}

using var tree = new GeneratedTree(files: 500, objectsPerFile: 10, kustomizedFiles: 50);
var scope = new StaticApiScope(new Dictionary<GroupVersionKind, bool>
{
    [new("apps", "v1", "Deployment")] = true,
    [new("", "v1", "Service")] = true,
    [new("", "v1", "ConfigMap")] = true,
});
var renderer = new ManifestRenderer();

Console.WriteLine($"tree: {tree.Objects} objects in 500 files ({tree.Bytes / 1024} KiB of YAML); kustomized/: {tree.KustomizedObjects} of them");
Console.WriteLine($"reproduce: dotnet run -c Release --project bench/GitOpsOperator.Manifests.Bench");
Console.WriteLine();

PinToOneCore(true);
await Render("plain", tree.Objects);
var timings = new List<Timing>
{
    await Timing.MeasureAsync("ours: parse + validate plain/ (one core)", Runs, () => Render("plain", tree.Objects)),
};
PinToOneCore(false);

await using (var cluster = await EmulatedCluster.StartAsync())
{
    var cache = Directory.CreateTempSubdirectory("manifests-bench-kubectl-").FullName;
    string[] kubectl = ["--kubeconfig", cluster.KubeconfigPath, "--cache-dir", cache];
    await ChildProcessTiming.RunAsync("kubectl", [.. kubectl, "api-resources"]);
    timings.Add(await Timing.MeasureAsync("kubectl create --dry-run=client -o json -R -f plain/", Runs,
        () => ChildProcessTiming.RunAsync("kubectl", [.. kubectl, "create", "--dry-run=client", "--validate=false", "-o", "json", "-n", Namespace, "-R", "-f", Path.Combine(tree.Root, "plain")])));
    Directory.Delete(cache, recursive: true);
}

timings.Add(await Timing.MeasureAsync("kubectl kustomize kustomized/", Runs, () => ChildProcessTiming.RunAsync("kubectl", ["kustomize", Path.Combine(tree.Root, "kustomized")])));
timings.Add(await Timing.MeasureAsync("ours: kustomized/ (our process; kustomize's CPU is above)", Runs, () => Render("kustomized", tree.KustomizedObjects)));

foreach (var timing in timings)
{
    Console.WriteLine(timing);
}

return 0;

async Task<Timing.Outcome> Render(string path, int expectedObjects)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var result = await renderer.RenderAsync(new RenderRequest(tree.Root, path, Namespace, scope), CancellationToken.None);
    if (result.Objects.Count != expectedObjects)
    {
        throw new InvalidOperationException($"rendered {result.Objects.Count} objects: {string.Join("; ", result.Errors.Take(3))}");
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024 * 1024);
    return new Timing.Outcome(cpu, $"{result.Objects.Count} objects, {allocated} MiB allocated");
}

static void PinToOneCore(bool pinned)
{
    if (OperatingSystem.IsLinux())
    {
        Process.GetCurrentProcess().ProcessorAffinity = pinned ? 1 : (1 << Environment.ProcessorCount) - 1;
    }
}
