using System.Diagnostics;
using GitOpsOperator.Api;
using GitOpsOperator.Images.Tests.Registries;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeEmulator;
using KubeEmulator.Introspection;

namespace GitOpsOperator.Images.Bench;

/// <summary>
/// One image's way to the cluster: its ImageRepository (polled every interval, or scanned when the registry's
/// notification arrives), a semver ImagePolicy, a GitRepository of its config repository, a GitSync applying it and an
/// ImageUpdateAutomation releasing into it.
/// </summary>
internal sealed class ReleaseScenario
{
    public const string Namespace = "gitops-system";
    public const string AppNamespace = "web";
    public const string PullSecret = "regcred";
    public const string HookSecret = "registry-hook";

    private static readonly TimeSpan ReleaseDeadline = TimeSpan.FromMinutes(2);
    private readonly EmulatedCluster cluster;
    private readonly ImagePusher pusher;
    private readonly DistributionRegistry registry;
    private readonly ReleaseRepo repo;
    private readonly string name;

    private ReleaseScenario(EmulatedCluster cluster, ImagePusher pusher, DistributionRegistry registry, ReleaseRepo repo, string name)
    {
        this.cluster = cluster;
        this.pusher = pusher;
        this.registry = registry;
        this.repo = repo;
        this.name = name;
    }

    private string Image => $"{registry.Address}/bench/{name}";

    /// <summary>Pushes 1.0.0, creates the objects and waits until the Deployment runs it.</summary>
    public static async Task<ReleaseScenario> StartAsync(
        EmulatedCluster cluster, ImagePusher pusher, DistributionRegistry registry, ReleaseRepo repo, string repoUrl, string name, string interval, bool webhook)
    {
        var scenario = new ReleaseScenario(cluster, pusher, registry, repo, name);
        await pusher.PushAsync(registry.Address, $"bench/{name}", "1.0.0");
        await CreateAsync(cluster.Client, GitOpsApi.ImageRepositoryPlural, new ImageRepository
        {
            Metadata = Meta(name),
            Spec = new ImageRepositorySpec
            {
                Image = scenario.Image, Insecure = true, Interval = interval, SecretRef = new NamedReference { Name = PullSecret },
                WebhookSecretRef = webhook ? new NamedReference { Name = HookSecret } : null,
            },
        });
        await CreateAsync(cluster.Client, GitOpsApi.ImagePolicyPlural, new ImagePolicy
        {
            Metadata = Meta(name),
            Spec = new ImagePolicySpec { ImageRepositoryRef = new NamedReference { Name = name }, Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=1.0.0" } } },
        });
        await CreateAsync(cluster.Client, GitOpsApi.GitRepositoryPlural, new GitRepository
        {
            Metadata = Meta(name),
            Spec = new GitRepositorySpec { Url = repoUrl, Ref = new GitReference { Branch = "main" }, Interval = "1h" },
        });
        await CreateAsync(cluster.Client, GitOpsApi.GitSyncPlural, new GitSync
        {
            Metadata = Meta(name),
            Spec = new GitSyncSpec { SourceRef = new SourceReference { Name = name }, Path = $"./apps/{name}", Interval = "1h" },
        });
        await CreateAsync(cluster.Client, GitOpsApi.ImageUpdateAutomationPlural, new ImageUpdateAutomation
        {
            Metadata = Meta(name),
            Spec = new ImageUpdateAutomationSpec { SourceRef = new SourceReference { Name = name }, Interval = "1h", Update = new UpdateStrategy { Path = "./apps" } },
        });
        await scenario.WaitForImageAsync($"{scenario.Image}:1.0.0");
        return scenario;
    }

    /// <summary>Pushes the tag and measures until the Deployment in the emulator runs it.</summary>
    public async Task<ReleaseTiming> ReleaseAsync(string tag)
    {
        var pushesBefore = repo.Pushes().Count;
        var requestsBefore = cluster.Requests.Snapshot();
        var pushing = Stopwatch.StartNew();
        await pusher.PushAsync(registry.Address, $"bench/{name}", tag);
        var push = pushing.Elapsed;
        var pushed = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var ownGets = await WaitForImageAsync($"{Image}:{tag}");
        var live = clock.Elapsed;
        var requests = OperatorRequests(requestsBefore, cluster.Requests.Snapshot(), ownGets);
        var pushes = repo.Pushes().Skip(pushesBefore).ToList();
        return new ReleaseTiming(push, live, pushes.Count > 0 ? pushes[0] - pushed : null, requests, pushes.Count);
    }

    /// <summary>Stops polling (so the next scenario's request counts are its own).</summary>
    public Task SuspendAsync() =>
        cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"suspend":true}}""", V1Patch.PatchType.MergePatch),
            GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImageRepositoryPlural, name);

    // Requests the API server served between the snapshots, less watches and the benchmark's own Deployment GETs.
    private static Dictionary<RequestKey, int> OperatorRequests(IReadOnlyDictionary<RequestKey, int> before, IReadOnlyDictionary<RequestKey, int> after, int ownGets)
    {
        var served = after
            .Where(entry => entry.Key.Verb != "watch")
            .Select(entry => (entry.Key, Count: entry.Value - before.GetValueOrDefault(entry.Key)))
            .Where(entry => entry.Count > 0)
            .ToDictionary(entry => entry.Key, entry => entry.Count);
        var gets = new RequestKey("get", "deployments", false);
        served[gets] = served.GetValueOrDefault(gets) - ownGets;
        if (served[gets] <= 0)
        {
            served.Remove(gets);
        }

        return served;
    }

    // Reads the Deployment every 20 ms until it runs the image; returns how many GETs that took.
    private async Task<int> WaitForImageAsync(string image)
    {
        var deadline = Stopwatch.StartNew();
        for (var gets = 1; ; gets++)
        {
            if (await DeployedImageAsync() == image)
            {
                return gets;
            }

            if (deadline.Elapsed > ReleaseDeadline)
            {
                var automation = await cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<ImageUpdateAutomation>(
                    GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImageUpdateAutomationPlural, name);
                throw new TimeoutException(
                    $"Deployment {AppNamespace}/{name} did not run {image} within {ReleaseDeadline}; automation status: {KubernetesJson.Serialize(automation.Status)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private async Task<string?> DeployedImageAsync()
    {
        try
        {
            var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(name, AppNamespace);
            return deployment.Spec.Template.Spec.Containers[0].Image;
        }
        catch (HttpOperationException)
        {
            return null;
        }
    }

    private static V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = Namespace };

    private static Task<object> CreateAsync(IKubernetes client, string plural, object body) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync(body, GitOpsApi.Group, GitOpsApi.Version, Namespace, plural);
}

/// <summary>
/// One release: the push itself (umoci + skopeo); registry push done → Deployment live; push done → release commit landed in git (null when no push was
/// seen); the API requests the operator made meanwhile (by verb and resource); the git pushes it made.
/// </summary>
internal sealed record ReleaseTiming(TimeSpan Push, TimeSpan Live, TimeSpan? ToCommit, IReadOnlyDictionary<RequestKey, int> Requests, int GitPushes)
{
    public int RequestCount => Requests.Values.Sum();
}
