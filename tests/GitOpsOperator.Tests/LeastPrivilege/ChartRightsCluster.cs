using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Tests.Servers;
using GitOpsOperator.Tests.Chart;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Support;
using k8s;
using KubeEmulator;
using Microsoft.Extensions.Hosting;

namespace GitOpsOperator.Tests.LeastPrivilege;

/// <summary>
/// An emulator serving --tls that enforces RBAC, a git daemon serving one origin repository and a clone to push from.
/// The chart is installed with helm as an administrator would; each operator then runs with a kubeconfig holding only
/// its ServiceAccount's token (<c>kubectl create token</c>) and the cluster's CA, so it has exactly the chart's rights.
/// </summary>
public sealed class ChartRightsCluster : IAsyncLifetime
{
    public const string Release = "gitops-operator";

    /// <summary>rbac.applyPermissions letting the operator apply and prune ConfigMaps, and nothing else.</summary>
    public const string ConfigMapRights =
        """rbac.applyPermissions=[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list","watch","create","update","patch","delete"]}]""";

    public const string Origin = "config";

    private readonly string root = Path.Combine(Path.GetTempPath(), $"chart-rights-{Guid.NewGuid():N}");
    private EmulatedCluster? cluster;
    private GitDaemon? daemon;
    private WorkingClone? clone;
    private string? clusterWideKubeconfig;
    private int fetchRequests;

    public EmulatedCluster Cluster => cluster ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>The emulator's kubeconfig: its CA and the admin's client certificate (what helm and a person use).</summary>
    public string AdminKubeconfig => Cluster.KubeconfigPath;

    /// <summary>The kubeconfig of the operator of the chart installed cluster-wide in gitops-system with <see cref="ConfigMapRights"/>.</summary>
    public string ClusterWideKubeconfig => clusterWideKubeconfig ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        var served = Path.Combine(root, "served");
        Directory.CreateDirectory(served);
        cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Tls = true });
        var origin = await OriginRepo.CreateAsync(served, Path.Combine(root, "scratch"), Origin);
        daemon = await GitDaemon.StartAsync(served);
        clone = await WorkingClone.CreateAsync(origin.GitDir, Path.Combine(root, "clone"));
        clusterWideKubeconfig = await InstallChartAsync("gitops-system", ConfigMapRights);
    }

    /// <summary>
    /// <c>helm install</c> of the chart into this namespace with these <c>--set-json</c> values, then a token for the
    /// chart's ServiceAccount; returns the path of a kubeconfig holding that token and the cluster's CA.
    /// </summary>
    public Task<string> InstallChartAsync(string releaseNamespace, params string[] jsonValues) =>
        InstallReleaseAsync(Release, releaseNamespace, jsonValues);

    /// <summary>
    /// <see cref="InstallChartAsync"/> under another release name (its ServiceAccount is "&lt;release&gt;-gitops-operator"),
    /// for values that make cluster-wide objects a second release of the same name would collide with.
    /// </summary>
    public async Task<string> InstallReleaseAsync(string release, string releaseNamespace, params string[] jsonValues)
    {
        await Helm.SucceedAsync([
            "install", release, Helm.ChartPath, "--namespace", releaseNamespace, "--create-namespace", "--kubeconfig", AdminKubeconfig,
            .. jsonValues.SelectMany(value => new[] { "--set-json", value }),
        ]);
        var account = release.Contains("gitops-operator", StringComparison.Ordinal) ? release : $"{release}-gitops-operator";
        var token = await KubectlAsync("create", "token", account, "-n", releaseNamespace, "--duration", "1h");
        return Cluster.WriteKubeconfig($"{releaseNamespace}-operator", token.Trim());
    }

    /// <summary><c>helm upgrade --reuse-values</c> of the chart installed in this namespace, with these <c>--set-json</c> values.</summary>
    public Task UpgradeChartAsync(string releaseNamespace, params string[] jsonValues) =>
        Helm.SucceedAsync([
            "upgrade", Release, Helm.ChartPath, "--namespace", releaseNamespace, "--reuse-values", "--kubeconfig", AdminKubeconfig,
            .. jsonValues.SelectMany(value => new[] { "--set-json", value }),
        ]);

    /// <summary>Starts the operator with this kubeconfig (and --namespace when given); stopped when disposed.</summary>
    public Task<IAsyncDisposable> StartOperatorAsync(string kubeconfig, string? watchedNamespace = null) =>
        StartOperatorAsync(kubeconfig, new OperatorOptions { Namespace = watchedNamespace });

    /// <summary>Starts the operator with this kubeconfig and these options (its HTTP endpoints on a free local port); stopped when disposed.</summary>
    public async Task<IAsyncDisposable> StartOperatorAsync(string kubeconfig, OperatorOptions operatorOptions)
    {
        var options = operatorOptions with { HttpPort = 0, HttpAddress = "127.0.0.1" };
        var settings = new Dictionary<string, string?> { ["Operator:GitCacheDirectory"] = Path.Combine(root, $"cache-{Guid.NewGuid():N}") };
        var host = OperatorHost.Build(settings, options, KubernetesConnection.Resolve(kubeconfig));
        await host.StartAsync();
        return new RunningOperator(host);
    }

    /// <summary>Commits the files and pushes them to the origin; returns the commit's SHA.</summary>
    public async Task<string> PushAsync(string message, params (string Path, string? Content)[] files)
    {
        var sha = await Clone.CommitAsync(message, files);
        await Clone.PushAsync();
        return sha;
    }

    /// <summary>
    /// A GitRepository following main of the origin and a GitSync of this path, both in this namespace; extraSpec holds
    /// more lines of the GitSync's spec (each indented by two spaces).
    /// </summary>
    public Task ApplySourceAndSyncAsync(string ns, string name, string path, string extraSpec = "") =>
        ApplyAsync(
            $$"""
            apiVersion: gitops.operator.io/v1alpha1
            kind: GitRepository
            metadata: { name: {{Origin}}, namespace: {{ns}} }
            spec:
              url: {{Daemon.Url(Origin)}}
              ref: { branch: main }
              interval: 1h
            ---
            apiVersion: gitops.operator.io/v1alpha1
            kind: GitSync
            metadata: { name: {{name}}, namespace: {{ns}} }
            spec:
              sourceRef: { kind: GitRepository, name: {{Origin}} }
              path: {{path}}
              timeout: 20s
            {{extraSpec}}
            """);

    /// <summary>Asks the GitRepository of this namespace to fetch now (after a push).</summary>
    public Task FetchNowAsync(string ns) =>
        KubectlAsync("annotate", "--overwrite", "-n", ns, "gitrepository", Origin, $"gitops.operator.io/requestedAt=push-{Interlocked.Increment(ref fetchRequests)}");

    /// <summary><c>kubectl apply -f -</c> of these manifests, as the administrator.</summary>
    public Task ApplyAsync(string manifests) => Kubectl.SucceedAsync(AdminKubeconfig, manifests, "apply", "-f", "-");

    /// <summary>Waits until the GitSync satisfies the condition; the failure shows its last status.</summary>
    public Task<GitSync> WaitForGitSyncAsync(string ns, string name, Func<GitSync, bool> condition, string what) =>
        Eventually.ValueAsync(
            () => Cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(GitOpsApi.Group, GitOpsApi.Version, ns, GitOpsApi.GitSyncPlural, name),
            condition, $"{ns}/{name}: {what}", s => KubernetesJson.Serialize(s.Status));

    public Task<string> KubectlAsync(params string[] args) => Kubectl.SucceedAsync(AdminKubeconfig, null, args);

    internal Task<Kubectl.Result> TryKubectlAsync(params string[] args) => Kubectl.RunAsync(AdminKubeconfig, null, args);

    public async Task DisposeAsync()
    {
        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private GitDaemon Daemon => daemon ?? throw new InvalidOperationException("the fixture has not started");

    private WorkingClone Clone => clone ?? throw new InvalidOperationException("the fixture has not started");

    private sealed class RunningOperator(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
