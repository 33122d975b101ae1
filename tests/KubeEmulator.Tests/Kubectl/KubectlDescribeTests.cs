namespace KubeEmulator.Tests.Kubectl;

/// <summary>kubectl describe of a custom resource: its fields, and the core/v1 Events it finds by involvedObject.</summary>
public sealed class KubectlDescribeTests
{
    private static readonly string GitRepositoryCrd = RepositoryRoot.Combine("deploy", "crds", "gitrepositories.gitops.operator.io.yaml");

    [Fact]
    public async Task Describe_of_a_custom_resource_lists_the_events_about_it_and_no_others()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("create", "namespace", "apps");
        await session.MustRunAsync("apply", "--server-side", "-f", GitRepositoryCrd);
        await session.MustRunAsync("wait", "--for=condition=Established", "crd/gitrepositories.gitops.operator.io", "--timeout=20s");
        await session.MustRunAsync("apply", "--server-side", "-f", session.WriteManifest("""
            apiVersion: gitops.operator.io/v1alpha1
            kind: GitRepository
            metadata:
              name: podinfo
              namespace: apps
            spec:
              url: https://git.example.com/podinfo.git
            """));
        var uid = (await session.MustRunAsync("get", "gitrepository", "podinfo", "-n", "apps", "-o", "jsonpath={.metadata.uid}")).Stdout;
        await CreateEventAsync(session, "fetched", "GitRepository", uid, "Fetched", "fetched revision main@sha1:4f1c2a");
        await CreateEventAsync(session, "verified", "GitRepository", uid, "Verified", "commit signed by a trusted key");
        await CreateEventAsync(session, "earlier-object", "GitRepository", "0b9c6a52-0000-4000-8000-000000000000", "Deleted", "an older podinfo");
        await CreateEventAsync(session, "other-kind", "ConfigMap", uid, "Synced", "a ConfigMap called podinfo");

        var described = await session.MustRunAsync("describe", "gitrepository", "podinfo", "-n", "apps");

        var events = described.Stdout[described.Stdout.IndexOf("Events:", StringComparison.Ordinal)..];
        Assert.Contains("URL:", described.Stdout);
        Assert.Matches(@"Normal\s+Fetched\s+\S+\s+gitops-operator\s+fetched revision main@sha1:4f1c2a", events);
        Assert.Matches(@"Normal\s+Verified\s+\S+\s+gitops-operator\s+commit signed by a trusted key", events);
        Assert.DoesNotContain("Deleted", events);
        Assert.DoesNotContain("Synced", events);
    }

    private static Task<CommandResult> CreateEventAsync(KubectlSession session, string name, string kind, string uid, string reason, string message) =>
        session.MustRunAsync("create", "-f", session.WriteManifest($"""
            apiVersion: v1
            kind: Event
            metadata:
              name: podinfo.{name}
              namespace: apps
            involvedObject:
              apiVersion: gitops.operator.io/v1alpha1
              kind: {kind}
              name: podinfo
              namespace: apps
              uid: {uid}
            type: Normal
            reason: {reason}
            message: {message}
            source:
              component: gitops-operator
            firstTimestamp: "{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}"
            lastTimestamp: "{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}"
            count: 1
            """));
}
