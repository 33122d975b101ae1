using System.Globalization;
using System.Text;
using GitOpsOperator.Crds;
using GitOpsOperator.Hosting;
using GitOpsOperator.Images.Tests.Registries;
using GitOpsOperator.Source.Tests.Servers;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Images.Bench;

/// <summary>
/// Registry push → Deployment live in the emulator, through the in-process operator: a new tag pushed by skopeo to
/// Debian's docker-registry is scanned, selected, committed to a config repository served by git daemon, fetched and
/// applied. Measured twice: an ImageRepository polling every interval (pushes at a random moment of the interval), and
/// one scanned when the registry's own notification (its notifications endpoint set to the operator's
/// /hooks/imagerepositories/&lt;ns&gt;/&lt;name&gt; with a Bearer token) arrives.
/// </summary>
internal static class ReleaseBench
{
    private const string HookToken = "bench-registry-hook-token";

    public static async Task<int> RunAsync(int releases, TimeSpan pollInterval)
    {
        var directory = Directory.CreateTempSubdirectory("gitops-release-bench-").FullName;
        var serveRoot = Path.Combine(directory, "serve");
        Directory.CreateDirectory(serveRoot);
        await using var cluster = await EmulatedCluster.StartAsync();
        await new CrdInstaller(cluster.Client, NullLogger<CrdInstaller>.Instance, TimeProvider.System)
            .InstallAsync(CrdManifests.All(), TimeSpan.FromMinutes(1), CancellationToken.None);
        foreach (var ns in new[] { ReleaseScenario.Namespace, ReleaseScenario.AppNamespace })
        {
            await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        }

        using var host = OperatorHost.Build(
            new Dictionary<string, string?> { [$"{OperatorOptions.Section}:GitCacheDirectory"] = Path.Combine(directory, "cache") },
            new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1", LogLevel = "Error" },
            KubernetesConnection.Resolve(cluster.KubeconfigPath));
        await host.StartAsync();
        var hooks = host.Services.GetRequiredService<HttpEndpointsService>().Address!;
        await using var polledRegistry = await DistributionRegistry.StartAsync(RegistryAuth.Htpasswd);
        await using var hookedRegistry = await DistributionRegistry.StartAsync(
            RegistryAuth.Htpasswd, new RegistryNotification(new Uri(hooks, $"/hooks/imagerepositories/{ReleaseScenario.Namespace}/hooked"), HookToken));
        using var pusher = new ImagePusher(DistributionRegistry.Username, DistributionRegistry.Password);
        await using var daemon = await GitDaemon.StartAsync(serveRoot);
        await CreateSecretsAsync(cluster.Client, polledRegistry.Address, hookedRegistry.Address);

        var interval = string.Create(CultureInfo.InvariantCulture, $"{pollInterval.TotalSeconds}s");
        var polled = await StartAsync(cluster, pusher, polledRegistry, daemon, serveRoot, "polled", interval, webhook: false);
        var hooked = await StartAsync(cluster, pusher, hookedRegistry, daemon, serveRoot, "hooked", "1h", webhook: true);

        Console.WriteLine($"{releases} releases each; ImageRepository interval {interval} (poll) or 1h (webhook); GitRepository and GitSync interval 1h");
        Console.WriteLine("path     release  skopeo ms  push→live ms  push→commit ms  API requests  git pushes");
        var polledTimings = new List<ReleaseTiming>();
        for (var release = 1; release <= releases; release++)
        {
            // A push lands at any moment of the polling interval.
            await Task.Delay(pollInterval * Random.Shared.NextDouble());
            polledTimings.Add(Print("poll", release, await polled.ReleaseAsync($"1.{release}.0")));
        }

        await polled.SuspendAsync();
        var hookedTimings = new List<ReleaseTiming>();
        for (var release = 1; release <= releases; release++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            hookedTimings.Add(Print("webhook", release, await hooked.ReleaseAsync($"1.{release}.0")));
        }

        Console.WriteLine();
        Console.WriteLine("| path | push → live (median / max) | push → commit (median) | commit → live (median) | API requests per release (median) | git pushes per release |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Summary($"poll, interval {interval}", polledTimings));
        Console.WriteLine(Summary("registry webhook", hookedTimings));
        PrintRequests("poll", polledTimings);
        PrintRequests("webhook", hookedTimings);
        await PrintWarningsAsync(cluster.Client);
        Console.WriteLine();
        Console.WriteLine($"dotnet run -c Release --project bench/GitOpsOperator.Images.Bench -- --release --releases {releases} --interval {pollInterval.TotalSeconds}");
        await host.StopAsync();
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    private static async Task<ReleaseScenario> StartAsync(
        EmulatedCluster cluster, ImagePusher pusher, DistributionRegistry registry, GitDaemon daemon, string serveRoot, string name, string interval, bool webhook)
    {
        var repo = await ReleaseRepo.CreateAsync(serveRoot, name, $"{registry.Address}/bench/{name}:1.0.0", $"{ReleaseScenario.Namespace}:{name}", ReleaseScenario.AppNamespace);
        return await ReleaseScenario.StartAsync(cluster, pusher, registry, repo, daemon.Url(name), name, interval, webhook);
    }

    private static async Task CreateSecretsAsync(IKubernetes client, params string[] registries)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DistributionRegistry.Username}:{DistributionRegistry.Password}"));
        var config = System.Text.Json.JsonSerializer.Serialize(new { auths = registries.ToDictionary(r => r, _ => new { auth }) });
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = ReleaseScenario.PullSecret },
                Type = "kubernetes.io/dockerconfigjson",
                StringData = new Dictionary<string, string> { [".dockerconfigjson"] = config },
            },
            ReleaseScenario.Namespace);
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = ReleaseScenario.HookSecret }, StringData = new Dictionary<string, string> { ["token"] = HookToken } },
            ReleaseScenario.Namespace);
    }

    private static ReleaseTiming Print(string path, int release, ReleaseTiming timing)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path,-8} {release,-8} {timing.Push.TotalMilliseconds,-10:F0} {timing.Live.TotalMilliseconds,-13:F0} {timing.ToCommit?.TotalMilliseconds,-15:F0} {timing.RequestCount,-13} {timing.GitPushes}"));
        return timing;
    }

    private static void PrintRequests(string path, List<ReleaseTiming> timings)
    {
        Console.WriteLine();
        Console.WriteLine($"API requests per {path} release by verb and resource (mean; watches not counted):");
        var sums = timings.SelectMany(t => t.Requests).GroupBy(r => r.Key, r => r.Value).Select(g => (g.Key, Mean: g.Sum() / (double)timings.Count));
        foreach (var (key, mean) in sums.OrderByDescending(r => r.Mean).ThenBy(r => r.Key.Resource, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key.Verb,-7} {key.Resource + (key.DryRun ? " (dry run)" : ""),-40} {mean:0.#}"));
        }
    }

    // Warning Events explain the slow releases (a retry shows as its reason and a second status write).
    private static async Task PrintWarningsAsync(IKubernetes client)
    {
        var events = await client.CoreV1.ListNamespacedEventAsync(ReleaseScenario.Namespace);
        Console.WriteLine();
        Console.WriteLine("Warning Events during the run:");
        foreach (var group in events.Items.Where(e => e.Type == "Warning").GroupBy(e => (e.InvolvedObject.Kind, e.InvolvedObject.Name, e.Reason)))
        {
            Console.WriteLine($"  {group.Key.Kind}/{group.Key.Name} {group.Key.Reason} ×{group.Sum(e => e.Count ?? 1)}: {group.Last().Message}");
        }
    }

    private static string Summary(string path, List<ReleaseTiming> timings)
    {
        var live = timings.Select(t => t.Live.TotalMilliseconds).ToList();
        var commit = timings.Where(t => t.ToCommit is not null).Select(t => t.ToCommit!.Value.TotalMilliseconds).ToList();
        var afterCommit = timings.Where(t => t.ToCommit is not null).Select(t => (t.Live - t.ToCommit!.Value).TotalMilliseconds).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {path} | {Median(live) / 1000:F2} / {live.Max() / 1000:F2} s | {Median(commit) / 1000:F2} s | {Median(afterCommit) / 1000:F2} s | {Median([.. timings.Select(t => (double)t.RequestCount)]):F0} | {timings.Average(t => t.GitPushes):F1} |");
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
