using GitOpsOperator.Api;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Tests.Servers;
using GitOpsOperator.Tests.EndToEnd;
using GitOpsOperator.Tests.Leadership;
using GitOpsOperator.Tests.Support;
using k8s;
using KubeEmulator;

namespace GitOpsOperator.Tests.Tenancy;

/// <summary>
/// Two clusters. The home emulator runs the operator as a process (its JSON log collected) with a GitRepository of a
/// git daemon's origin. The remote emulator serves --tls and enforces RBAC: its ServiceAccount "deployer" may manage
/// ConfigMaps in gitops-system and nothing else; a kubeconfig with that ServiceAccount's token (<c>kubectl create
/// token</c>) and the remote's CA is in the home Secret <see cref="KubeconfigSecret"/>. "deployer" may impersonate the
/// remote's ServiceAccount <see cref="Tenant"/>.
/// </summary>
public sealed class RemoteClusterFixture : IAsyncLifetime
{
    public const string Namespace = ClusterWithCrds.Namespace;
    public const string KubeconfigSecret = "remote-kubeconfig";

    /// <summary>A ServiceAccount of the remote cluster only, which may manage ConfigMaps in gitops-system there.</summary>
    public const string Tenant = "team";
    private const string Origin = "config";

    private const string DeployerRights = $$"""
        apiVersion: v1
        kind: Namespace
        metadata: { name: {{Namespace}} }
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: deployer, namespace: {{Namespace}} }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: deployer, namespace: {{Namespace}} }
        rules:
          - { apiGroups: [""], resources: [configmaps], verbs: [get, list, watch, create, update, patch, delete] }
          - { apiGroups: [""], resources: [serviceaccounts], verbs: [get, impersonate] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: deployer, namespace: {{Namespace}} }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer }
        subjects: [{ kind: ServiceAccount, name: deployer, namespace: {{Namespace}} }]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: {{Tenant}}, namespace: {{Namespace}} }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: {{Tenant}}, namespace: {{Namespace}} }
        rules:
          - { apiGroups: [""], resources: [configmaps], verbs: [get, list, watch, create, update, patch, delete] }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: {{Tenant}}, namespace: {{Namespace}} }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: {{Tenant}} }
        subjects: [{ kind: ServiceAccount, name: {{Tenant}}, namespace: {{Namespace}} }]
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), $"remote-clusters-{Guid.NewGuid():N}");
    private EmulatedCluster? home;
    private EmulatedCluster? remote;
    private GitDaemon? daemon;
    private OperatorReplica? operatorProcess;

    public EmulatedCluster Home => home ?? throw new InvalidOperationException("the fixture has not started");

    public EmulatedCluster Remote => remote ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>The operator's process, with its log.</summary>
    internal OperatorReplica Operator => operatorProcess ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>The remote ServiceAccount's token the kubeconfig Secret holds.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The path of the remote's kubeconfig holding <see cref="Token"/>.</summary>
    public string DeployerKubeconfig { get; private set; } = "";

    /// <summary>The revision of main: apps/remote, apps/late and apps/tenant each hold one ConfigMap in gitops-system.</summary>
    public string Revision { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var served = Path.Combine(root, "served");
        Directory.CreateDirectory(served);
        home = await ClusterWithCrds.StartAsync();
        remote = await EmulatedCluster.StartAsync(new EmulatorOptions { Tls = true });
        await Kubectl.SucceedAsync(Remote.KubeconfigPath, DeployerRights, "apply", "-f", "-");
        Token = (await RemoteKubectlAsync("create", "token", "deployer", "-n", Namespace, "--duration", "1h")).Trim();
        DeployerKubeconfig = Remote.WriteKubeconfig("deployer", Token);
        await HomeKubectlAsync("create", "secret", "generic", KubeconfigSecret, "-n", Namespace, $"--from-file=value={DeployerKubeconfig}");

        var origin = await OriginRepo.CreateAsync(served, Path.Combine(root, "scratch"), Origin);
        daemon = await GitDaemon.StartAsync(served);
        var clone = await WorkingClone.CreateAsync(origin.GitDir, Path.Combine(root, "clone"));
        var sha = await clone.CommitAsync("Three apps", ("apps/remote/settings.yaml", ConfigMap("remote-settings")), ("apps/late/settings.yaml", ConfigMap("late-settings")),
            ("apps/tenant/settings.yaml", ConfigMap("tenant-settings")));
        await clone.PushAsync();
        Revision = GitOpsCluster.Revision(sha);
        await Kubectl.SucceedAsync(
            Home.KubeconfigPath,
            ApiExamples.GitRepositoryWith(Origin, $"  url: {daemon.Url(Origin)}\n  ref: {{ branch: main }}\n  interval: 1h\n"),
            "apply", "-f", "-");
        operatorProcess = OperatorReplica.Start(Home.KubeconfigPath, Path.Combine(root, "cache"), TimeSpan.FromSeconds(15), "--log-level", "Debug");
    }

    /// <summary>A GitSync of this path of the origin in the home cluster; extra spec lines are indented two spaces.</summary>
    public Task ApplyGitSyncAsync(string name, string path, string spec) =>
        Kubectl.SucceedAsync(
            Home.KubeconfigPath,
            ApiExamples.GitSyncWith(name, $"  sourceRef: {{ kind: GitRepository, name: {Origin} }}\n  path: {path}\n  retryInterval: 2s\n  timeout: 20s\n{spec}"),
            "apply", "-f", "-");

    public Task<GitSync> WaitForGitSyncAsync(string name, Func<GitSync, bool> condition, string what) =>
        Eventually.ValueAsync(
            () => Home.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural, name),
            condition, $"{name}: {what}", s => KubernetesJson.Serialize(s.Status));

    public Task<string> HomeKubectlAsync(params string[] args) => Kubectl.SucceedAsync(Home.KubeconfigPath, null, args);

    internal Task<Kubectl.Result> TryHomeKubectlAsync(params string[] args) => Kubectl.RunAsync(Home.KubeconfigPath, null, args);

    internal Task<string> HomeKubectlWithInputAsync(string input, params string[] args) => Kubectl.SucceedAsync(Home.KubeconfigPath, input, args);

    /// <summary>kubectl against the remote cluster as its administrator.</summary>
    public Task<string> RemoteKubectlAsync(params string[] args) => Kubectl.SucceedAsync(Remote.KubeconfigPath, null, args);

    internal Task<Kubectl.Result> TryRemoteKubectlAsync(params string[] args) => Kubectl.RunAsync(Remote.KubeconfigPath, null, args);

    public async Task DisposeAsync()
    {
        if (operatorProcess is not null)
        {
            await operatorProcess.TerminateAsync();
            operatorProcess.Dispose();
        }

        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        if (remote is not null)
        {
            await remote.DisposeAsync();
        }

        if (home is not null)
        {
            await home.DisposeAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string ConfigMap(string name) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: {{name}}, namespace: {{Namespace}} }
        data: { greeting: hello }
        """;
}
