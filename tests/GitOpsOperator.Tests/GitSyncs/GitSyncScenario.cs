using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Tests.GitRepositories;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Models;
using KubeEmulator;

namespace GitOpsOperator.Tests.GitSyncs;

/// <summary>
/// The operator running against an emulated cluster with one origin repository ("config") and a GitRepository
/// following its main branch; GitSyncs are created in the test namespace and target it by default.
/// </summary>
internal sealed class GitSyncScenario : IAsyncDisposable
{
    public const string Namespace = OperatorWithGit.Namespace;
    public const string Source = "config";

    private GitSyncScenario(OperatorWithGit host, OriginRepo origin)
    {
        Host = host;
        Origin = origin;
    }

    public OperatorWithGit Host { get; }

    public OriginRepo Origin { get; }

    public EmulatedCluster Cluster => Host.Cluster;

    public IKubernetes Client => Host.Client;

    /// <summary>The scenario with the operator watching every namespace, or only <paramref name="watchedNamespace"/> (--namespace).</summary>
    public static async Task<GitSyncScenario> StartAsync(string? watchedNamespace = null)
    {
        var host = await OperatorWithGit.StartAsync(watchedNamespace: watchedNamespace);
        var origin = await host.CreateOriginAsync(Source);
        return new GitSyncScenario(host, origin);
    }

    public static string Revision(string sha) => $"main@sha1:{sha}";

    public static string ConfigMap(string name, string value) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  value: \"{value}\"\n";

    /// <summary>Commits the files and waits until the GitRepository offers that commit; returns its revision.</summary>
    public async Task<string> PushAsync(string message, params (string Path, string? Content)[] files)
    {
        var revision = Revision(await Origin.CommitAsync(message, files));
        var sources = await Client.CustomObjects.ListNamespacedCustomObjectAsync<GitRepositoryList>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitRepositoryPlural);
        if (sources.Items.Any(s => s.Metadata.Name == Source))
        {
            await Host.PatchAsync(Source, new { metadata = new { annotations = new Dictionary<string, string> { ["gitops.operator.io/requestedAt"] = revision } } });
            await Host.WaitForAsync(Source, r => r.Status?.Artifact?.Revision == revision, $"artifact {revision}");
        }

        return revision;
    }

    /// <summary>Creates the GitRepository "config" (after the first push, so it has an artifact at once).</summary>
    public async Task CreateSourceAsync()
    {
        await Host.CreateAsync(Source, new GitRepositorySpec { Url = OperatorWithGit.FileUrl(Origin), Interval = "10m" });
        await Host.WaitForAsync(Source, r => r.Status?.Artifact is not null, "an artifact");
    }

    public static GitSyncSpec Spec(string path, bool prune = true) => new()
    {
        SourceRef = new SourceReference { Name = Source },
        Path = path,
        Prune = prune,
        TargetNamespace = Namespace,
        RetryInterval = "1s",
    };

    public Task CreateSyncAsync(string name, GitSyncSpec spec) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new GitSync { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec },
            GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural);

    public Task<GitSync> GetSyncAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural, name);

    public Task PatchSyncAsync(string name, object mergePatch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(mergePatch), V1Patch.PatchType.MergePatch), GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural, name);

    public async Task<IList<GitSync>> ListSyncsAsync() =>
        (await Client.CustomObjects.ListNamespacedCustomObjectAsync<GitSyncList>(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural)).Items;

    public Task DeleteSyncAsync(string name) =>
        Client.CustomObjects.DeleteNamespacedCustomObjectAsync(GitOpsApi.Group, GitOpsApi.Version, Namespace, GitOpsApi.GitSyncPlural, name);

    /// <summary>Waits until the GitSync's status satisfies the condition and returns it.</summary>
    public async Task<GitSync> WaitForSyncAsync(string name, Func<GitSync, bool> condition, string what)
    {
        GitSync? seen = null;
        await Eventually.TrueAsync(
            async () =>
            {
                seen = await GetSyncAsync(name);
                return condition(seen);
            },
            $"{name}: {what}");
        return seen!;
    }

    /// <summary>Waits until the GitSync is Ready=True at the revision.</summary>
    public Task<GitSync> WaitForAppliedAsync(string name, string revision) =>
        WaitForSyncAsync(name, s => s.Status?.LastAppliedRevision == revision && Ready(s)?.Status == Condition.True, $"Ready at {revision}");

    public static Condition? Ready(GitSync gitSync) => gitSync.Status?.Conditions.Find(ConditionTypes.Ready);

    public async Task<string?> ConfigMapValueAsync(string name)
    {
        var maps = await Client.CoreV1.ListNamespacedConfigMapAsync(Namespace);
        return maps.Items.FirstOrDefault(m => m.Metadata.Name == name)?.Data?["value"];
    }

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string name)
    {
        var events = await Client.CoreV1.ListNamespacedEventAsync(Namespace);
        return [.. events.Items.Where(e => e.InvolvedObject.Name == name && e.InvolvedObject.Kind == GitOpsApi.GitSyncKind)];
    }

    /// <summary>Waits until the GitSync has an Event with the reason and returns how many Events it has.</summary>
    public async Task<int> WaitForEventAsync(string name, string reason)
    {
        IReadOnlyList<Corev1Event> events = [];
        await Eventually.TrueAsync(
            async () =>
            {
                events = await EventsAsync(name);
                return events.Any(e => e.Reason == reason);
            },
            $"{name}: a {reason} event");
        return events.Count;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
