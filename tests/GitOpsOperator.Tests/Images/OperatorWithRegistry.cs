using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Crds;
using GitOpsOperator.Hosting;
using GitOpsOperator.Images.Tests.Registries;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.Images;

/// <summary>
/// An emulated cluster with the CRDs, the operator host running against it, and Debian's docker-registry behind
/// htpasswd on loopback with a kubernetes.io/dockerconfigjson Secret for it; shared by the image automation tests.
/// </summary>
public sealed class OperatorWithRegistry : IAsyncLifetime
{
    public const string Namespace = ClusterWithCrds.Namespace;
    public const string PullSecret = "regcred";

    private IHost host = null!;

    public EmulatedCluster Cluster { get; private set; } = null!;

    public DistributionRegistry Registry { get; private set; } = null!;

    public ImagePusher Pusher { get; private set; } = null!;

    public IKubernetes Client => Cluster.Client;

    public Uri HttpAddress => host.Services.GetRequiredService<HttpEndpointsService>().Address!;

    public async Task InitializeAsync()
    {
        Registry = await DistributionRegistry.StartAsync(RegistryAuth.Htpasswd);
        Pusher = new ImagePusher(DistributionRegistry.Username, DistributionRegistry.Password);
        Cluster = await EmulatedCluster.StartAsync();
        var installer = new CrdInstaller(Cluster.Client, NullLogger<CrdInstaller>.Instance, TimeProvider.System);
        await installer.InstallAsync(CrdManifests.All(), Eventually.Deadline, CancellationToken.None);
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DistributionRegistry.Username}:{DistributionRegistry.Password}"));
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = PullSecret },
                Type = "kubernetes.io/dockerconfigjson",
                StringData = new Dictionary<string, string> { [".dockerconfigjson"] = DockerConfig(Registry.Address, auth) },
            },
            Namespace);
        var options = new OperatorOptions { HttpPort = 0, HttpAddress = "127.0.0.1" };
        host = OperatorHost.Build(new Dictionary<string, string?>(), options, KubernetesConnection.Resolve(Cluster.KubeconfigPath));
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await Cluster.DisposeAsync();
        Pusher.Dispose();
        await Registry.DisposeAsync();
    }

    private static string DockerConfig(string registry, string auth) =>
        System.Text.Json.JsonSerializer.Serialize(new { auths = new Dictionary<string, object> { [registry] = new { auth } } });

    public Task CreateSecretAsync(string name, IDictionary<string, string> data) =>
        Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name }, StringData = data }, Namespace);

    public Task CreateRepositoryAsync(string name, ImageRepositorySpec spec) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new ImageRepository { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec },
            GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImageRepositoryPlural);

    public Task CreatePolicyAsync(string name, ImagePolicySpec spec) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new ImagePolicy { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec },
            GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImagePolicyPlural);

    /// <summary>An ImageRepository of the test registry (plain http) reading the pull Secret.</summary>
    public ImageRepositorySpec Repository(string path, string interval = "1h") =>
        new() { Image = $"{Registry.Address}/{path}", Insecure = true, SecretRef = new NamedReference { Name = PullSecret }, Interval = interval };

    public Task<ImageRepository> WaitForRepositoryAsync(string name, Func<ImageRepository, bool> condition, string what) =>
        Eventually.ValueAsync(
            () => Client.CustomObjects.GetNamespacedCustomObjectAsync<ImageRepository>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImageRepositoryPlural, name),
            condition, $"ImageRepository {name}: {what}", r => KubernetesJson.Serialize(r.Status));

    public Task<ImagePolicy> WaitForPolicyAsync(string name, Func<ImagePolicy, bool> condition, string what) =>
        Eventually.ValueAsync(
            () => Client.CustomObjects.GetNamespacedCustomObjectAsync<ImagePolicy>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImagePolicyPlural, name),
            condition, $"ImagePolicy {name}: {what}", p => KubernetesJson.Serialize(p.Status));

    public static Condition? Ready(IReadOnlyList<Condition>? conditions) => conditions?.Find(ConditionTypes.Ready);

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string kind, string name)
    {
        var events = await Client.CoreV1.ListNamespacedEventAsync(Namespace);
        return [.. events.Items.Where(e => e.InvolvedObject.Name == name && e.InvolvedObject.Kind == kind)];
    }
}
