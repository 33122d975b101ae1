using GitOpsOperator.Api;
using GitOpsOperator.Controllers;
using GitOpsOperator.Crds;
using GitOpsOperator.Hosting;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Testing;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.GitRepositories;

/// <summary>
/// An emulated cluster with the CRDs, the operator host running against it with its own git cache, and a place
/// for origin repositories; everything is removed on dispose.
/// </summary>
internal sealed class OperatorWithGit : IAsyncDisposable
{
    private readonly string root;
    private readonly IHost host;

    private OperatorWithGit(EmulatedCluster cluster, IHost host, string root)
    {
        Cluster = cluster;
        this.host = host;
        this.root = root;
        Changes = [];
        host.Services.GetRequiredService<ArtifactChangedNotifier>().Subscribe(change =>
        {
            lock (Changes)
            {
                Changes.Add(change);
            }
        });
    }

    public const string Namespace = ClusterWithCrds.Namespace;

    public EmulatedCluster Cluster { get; }

    public IKubernetes Client => Cluster.Client;

    public string ServeRoot => Path.Combine(root, "served");

    /// <summary>Every artifact change the operator published, in order.</summary>
    public List<ArtifactChanged> Changes { get; }

    public GitSourceCache Cache => host.Services.GetRequiredService<GitSourceCache>();

    /// <summary>The operator's HTTP endpoints (health, metrics, webhooks).</summary>
    public Uri HttpAddress => host.Services.GetRequiredService<HttpEndpointsService>().Address!;

    /// <summary>Starts it all; <paramref name="operatorKubeconfig"/> gives the operator another way to the cluster (a relay).</summary>
    public static async Task<OperatorWithGit> StartAsync(
        EmulatorOptions? emulatorOptions = null, string? watchedNamespace = null, Func<EmulatedCluster, string, string>? operatorKubeconfig = null, int? concurrency = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"gitrepo-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "served"));
        var cluster = await EmulatedCluster.StartAsync(emulatorOptions);
        var installer = new CrdInstaller(cluster.Client, NullLogger<CrdInstaller>.Instance, TimeProvider.System);
        await installer.InstallAsync(CrdManifests.All(), Eventually.Deadline, CancellationToken.None);
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        var options = new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1", Namespace = watchedNamespace, HelmBinary = HelmRunner.BinaryPath };
        options = concurrency is { } workers ? options with { Concurrency = workers } : options;
        var settings = new Dictionary<string, string?> { ["Operator:GitCacheDirectory"] = Path.Combine(root, "cache") };
        var kubeconfig = operatorKubeconfig?.Invoke(cluster, Path.Combine(root, "operator-kubeconfig")) ?? cluster.KubeconfigPath;
        var host = OperatorHost.Build(settings, options, KubernetesConnection.Resolve(kubeconfig));
        await host.StartAsync();
        return new OperatorWithGit(cluster, host, root);
    }

    public Task<OriginRepo> CreateOriginAsync(string name) =>
        OriginRepo.CreateAsync(ServeRoot, Path.Combine(root, "scratch"), name);

    public static string FileUrl(OriginRepo origin) => "file://" + origin.GitDir;

    public async Task CreateAsync(string name, GitRepositorySpec spec)
    {
        var repository = new GitRepository { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec };
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(repository, GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural);
    }

    public Task<GitRepository> GetAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural, name);

    public Task PatchAsync(string name, object mergePatch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(mergePatch), V1Patch.PatchType.MergePatch), GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural, name);

    public Task CreateSecretAsync(string name, IDictionary<string, string> data) =>
        Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name }, StringData = data }, Namespace);

    /// <summary>Waits until the object's status satisfies the condition and returns the object.</summary>
    public async Task<GitRepository> WaitForAsync(string name, Func<GitRepository, bool> condition, string what)
    {
        GitRepository? seen = null;
        await Eventually.TrueAsync(
            async () =>
            {
                seen = await GetAsync(name);
                return condition(seen);
            },
            $"{name}: {what}");
        return seen!;
    }

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string name)
    {
        var events = await Client.CoreV1.ListNamespacedEventAsync(Namespace);
        return [.. events.Items.Where(e => e.InvolvedObject.Name == name && e.InvolvedObject.Kind == GitOpsApi.GitRepositoryKind)];
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await Cluster.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}
