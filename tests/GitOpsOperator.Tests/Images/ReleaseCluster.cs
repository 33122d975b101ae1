using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Images.Tests.Registries;
using GitOpsOperator.Source.Tests.Servers;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.GitRepositories;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Tests.Images;

/// <summary>
/// Everything a release goes through, shared by the ImageUpdateAutomation tests: Debian's docker-registry (images
/// pushed by skopeo), the emulator running the operator, origin repositories served by <c>git daemon</c> with pushes
/// allowed, and a person's clone of each.
/// </summary>
public sealed class ReleaseCluster : IAsyncLifetime
{
    public const string Namespace = OperatorWithGit.Namespace;
    public const string PullSecret = "regcred";

    private OperatorWithGit operatorWithGit = null!;
    private GitDaemon daemon = null!;
    private int requests;

    public DistributionRegistry Registry { get; private set; } = null!;

    public ImagePusher Pusher { get; private set; } = null!;

    public IKubernetes Client => operatorWithGit.Client;

    public string Kubeconfig => operatorWithGit.Cluster.KubeconfigPath;

    /// <summary>The operator's HTTP endpoints (metrics, webhooks).</summary>
    public Uri HttpAddress => operatorWithGit.HttpAddress;

    public async Task InitializeAsync()
    {
        Registry = await DistributionRegistry.StartAsync(RegistryAuth.Htpasswd);
        Pusher = new ImagePusher(DistributionRegistry.Username, DistributionRegistry.Password);
        operatorWithGit = await OperatorWithGit.StartAsync();
        daemon = await GitDaemon.StartAsync(operatorWithGit.ServeRoot);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DistributionRegistry.Username}:{DistributionRegistry.Password}"));
        var config = System.Text.Json.JsonSerializer.Serialize(new { auths = new Dictionary<string, object> { [Registry.Address] = new { auth } } });
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = PullSecret },
                Type = "kubernetes.io/dockerconfigjson",
                StringData = new Dictionary<string, string> { [".dockerconfigjson"] = config },
            },
            Namespace);
    }

    public async Task DisposeAsync()
    {
        await daemon.DisposeAsync();
        await operatorWithGit.DisposeAsync();
        Pusher.Dispose();
        await Registry.DisposeAsync();
    }

    /// <summary>A new origin repository, its git:// URL and a person's clone of it holding these files on main.</summary>
    internal async Task<ConfigRepo> CreateRepoAsync(string name, params (string Path, string? Content)[] files)
    {
        var origin = await operatorWithGit.CreateOriginAsync(name);
        var clone = await WorkingClone.CreateAsync(origin.GitDir, Path.Combine(operatorWithGit.ServeRoot, "..", "clones", name));
        await clone.CommitAsync("Initial configuration", files);
        await clone.PushAsync();
        return new ConfigRepo(name, daemon.Url(name), origin.GitDir, clone);
    }

    public string Image(string path) => $"{Registry.Address}/{path}";

    public Task CreateSecretAsync(string name, IDictionary<string, string> data) =>
        Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = name }, StringData = data }, Namespace);

    /// <summary>kubectl apply of one object's YAML.</summary>
    public Task<string> ApplyAsync(string yaml) => Kubectl.SucceedAsync(Kubeconfig, yaml, "apply", "-f", "-");

    public Task<string> KubectlAsync(params string[] args) => Kubectl.SucceedAsync(Kubeconfig, null, args);

    /// <summary>An ImageRepository of the test registry and a semver ImagePolicy of the same name.</summary>
    public async Task CreateImageAsync(string name, string path, string range)
    {
        await ApplyAsync($$"""
            apiVersion: gitops.operator.io/v1alpha1
            kind: ImageRepository
            metadata: { name: {{name}}, namespace: {{Namespace}} }
            spec: { image: "{{Image(path)}}", insecure: true, secretRef: { name: {{PullSecret}} }, interval: 1h }
            ---
            apiVersion: gitops.operator.io/v1alpha1
            kind: ImagePolicy
            metadata: { name: {{name}}, namespace: {{Namespace}} }
            spec:
              imageRepositoryRef: { name: {{name}} }
              policy: { semver: { range: "{{range}}" } }
            """);
    }

    /// <summary>Asks the ImageRepository to scan now (as the registry webhook does).</summary>
    public Task ScanNowAsync(string name) => RequestAsync("imagerepository", name);

    /// <summary>Asks the GitRepository to fetch now (as a git push webhook does).</summary>
    public Task FetchNowAsync(string name) => RequestAsync("gitrepository", name);

    /// <summary>Asks the automation to run now; returns the requestedAt value its status echoes once it ran.</summary>
    public async Task<string> RunNowAsync(string name)
    {
        var value = await RequestAsync("imageupdateautomation", name);
        await WaitForAutomationAsync(name, a => a.Status?.LastHandledReconcileAt == value, $"ran for requestedAt {value}");
        return value;
    }

    public Task<ImageUpdateAutomation> GetAutomationAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<ImageUpdateAutomation>(
            GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.ImageUpdateAutomationPlural, name);

    public Task<ImageUpdateAutomation> WaitForAutomationAsync(string name, Func<ImageUpdateAutomation, bool> condition, string what) =>
        Eventually.ValueAsync(() => GetAutomationAsync(name), condition, $"ImageUpdateAutomation {name}: {what}", a => KubernetesJson.Serialize(a.Status));

    /// <summary>Waits until Ready has this status and reason.</summary>
    public Task<ImageUpdateAutomation> WaitForReasonAsync(string name, string status, string reason) =>
        WaitForAutomationAsync(name, a => Ready(a) is { } ready && ready.Status == status && ready.Reason == reason, $"Ready={status} {reason}");

    public static Condition? Ready(ImageUpdateAutomation automation) => automation.Status?.Conditions.Find(ConditionTypes.Ready);

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string kind, string name)
    {
        var events = await Client.CoreV1.ListNamespacedEventAsync(Namespace);
        return [.. events.Items.Where(e => e.InvolvedObject.Name == name && e.InvolvedObject.Kind == kind)];
    }

    /// <summary>The image of the Deployment's first container as the emulator holds it.</summary>
    public async Task<string?> DeployedImageAsync(string namespaceName, string name)
    {
        try
        {
            var deployment = await Client.AppsV1.ReadNamespacedDeploymentAsync(name, namespaceName);
            return deployment.Spec.Template.Spec.Containers[0].Image;
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            return null;
        }
    }

    public Task<string> WaitForDeployedImageAsync(string namespaceName, string name, string image) =>
        Eventually.ValueAsync(
            async () => await DeployedImageAsync(namespaceName, name) ?? "",
            deployed => deployed == image, $"Deployment {namespaceName}/{name} runs {image}", deployed => deployed);

    private async Task<string> RequestAsync(string kind, string name)
    {
        var value = $"request-{Interlocked.Increment(ref requests)}";
        await KubectlAsync("annotate", "--overwrite", "-n", Namespace, kind, name, $"gitops.operator.io/requestedAt={value}");
        return value;
    }
}

/// <summary>An origin repository: its name, its git:// URL, its bare directory and a person's clone of it (Person).</summary>
internal sealed record ConfigRepo(string Name, string Url, string GitDir, WorkingClone Person)
{
    /// <summary><c>git</c> in the bare origin; returns its output.</summary>
    public Task<string> OriginAsync(params string[] arguments) => Source.Tests.Fixtures.Cli.GitAsync(["--git-dir", GitDir, .. arguments]);

    /// <summary>Installs a server hook (pre-receive, update) in the origin.</summary>
    public async Task InstallHookAsync(string hook, string script)
    {
        var path = Path.Combine(GitDir, "hooks", hook);
        await File.WriteAllTextAsync(path, script);
        await Source.Tests.Fixtures.Cli.RunAsync("chmod", ["+x", path]);
    }
}
