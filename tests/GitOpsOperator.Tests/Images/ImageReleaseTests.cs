using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Tests.Metrics;
using GitOpsOperator.Tests.Support;
using k8s;
using Xunit.Abstractions;

namespace GitOpsOperator.Tests.Images;

/// <summary>
/// ImageUpdateAutomation end to end: a tag pushed to the registry by skopeo becomes a commit in a repository served by
/// git daemon, which a GitSync applies to the emulator; a git revert of it is held; bad input fails with its reason.
/// </summary>
public sealed class ImageReleaseTests(ReleaseCluster env, ITestOutputHelper output) : IClassFixture<ReleaseCluster>
{
    private const string Marker = "# {\"$imagepolicy\": \"gitops-system:web\"}";

    [Fact]
    public async Task A_new_tag_is_released_byte_exact_and_rolled_out_a_revert_is_held_and_a_newer_tag_is_released_past_the_hold()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/web", "1.0.0");
        var repo = await env.CreateRepoAsync("release", ("apps/web/namespace.yaml", NamespaceYaml("web")), ("apps/web/deploy.yaml", Deployment("1.0.0")));
        await env.CreateImageAsync("web", "shop/web", ">=1.0.0");
        await env.ApplyAsync(Source("release", repo.Url, "ref: { branch: main }"));
        await env.ApplyAsync(Sync("release-web", "release", "./apps/web"));
        await env.ApplyAsync(Automation("release", "release", "update: { path: ./apps }"));
        await env.WaitForDeployedImageAsync("web", "web", env.Image("shop/web:1.0.0"));

        await env.Pusher.PushAsync(env.Registry.Address, "shop/web", "1.1.0");
        await env.ScanNowAsync("web");
        var released = await env.WaitForAutomationAsync("release", a => a.Status?.LastPushCommit is not null, "a push");

        var commit = released.Status!.LastPushCommit!;
        Assert.Equal(Deployment("1.1.0"), await repo.OriginAsync("show", $"{commit}:apps/web/deploy.yaml"));
        Assert.Equal("apps/web/deploy.yaml", await repo.OriginAsync("diff", "--name-only", $"{commit}~1", commit));
        Assert.Equal(
            $"gitops-operator <gitops-operator@localhost>\nRelease {env.Image("shop/web")}:1.0.0 -> 1.1.0",
            await repo.OriginAsync("log", "-1", "--format=%an <%ae>%n%B", commit));
        Assert.Equal((Condition.True, Reasons.Succeeded), (ReleaseCluster.Ready(released)!.Status, ReleaseCluster.Ready(released)!.Reason));
        Assert.Contains(await env.EventsAsync(GitOpsApi.ImageUpdateAutomationKind, "release"), e =>
            e.Reason == "Released" && e.Message == $"{env.Image("shop/web")}:1.0.0 -> 1.1.0 in commit {commit}");
        await env.WaitForDeployedImageAsync("web", "web", env.Image("shop/web:1.1.0"));
        var table = KubectlTable.Parse(await env.KubectlAsync("get", "imgauto", "release", "-n", ReleaseCluster.Namespace));
        Assert.Equal(["NAME", "SOURCE", "LAST-PUSH", "READY", "STATUS", "AGE"], table.Columns);
        Assert.Equal(("release", "True"), (table.Row("release")["SOURCE"], table.Row("release")["READY"]));
        // A run after the release (the policy's event, the fetch) may already have found nothing more to change.
        Assert.Contains(table.Row("release")["STATUS"], new[] { $"released 1 change(s) in {commit}", "no marker needs a change" });

        await repo.Person.PullAsync();
        var revert = await repo.Person.RevertHeadAsync();
        await repo.Person.PushAsync();
        await env.FetchNowAsync("release");
        await env.RunNowAsync("release");
        var held = await env.WaitForAutomationAsync("release", a => a.Status?.Holds.Count == 1, "a hold");

        var hold = Assert.Single(held.Status!.Holds);
        Assert.Equal(("apps/web/deploy.yaml", "gitops-system:web", env.Image("shop/web:1.0.0")), (hold.File, hold.Policy, hold.Value));
        Assert.Single(await env.EventsAsync(GitOpsApi.ImageUpdateAutomationKind, "release"), e => e.Reason == "MarkerHeld");
        output.WriteLine(await env.KubectlAsync("get", "imgauto", "release", "-n", ReleaseCluster.Namespace, "-o", "jsonpath={.status.holds}"));
        await env.WaitForDeployedImageAsync("web", "web", env.Image("shop/web:1.0.0"));
        await env.RunNowAsync("release");
        Assert.Equal(revert, await repo.OriginAsync("rev-parse", "main"));
        Assert.Single((await env.GetAutomationAsync("release")).Status!.Holds);
        Assert.Single(await env.EventsAsync(GitOpsApi.ImageUpdateAutomationKind, "release"), e => e.Reason == "MarkerHeld");

        await env.Pusher.PushAsync(env.Registry.Address, "shop/web", "1.2.0", "1.3.0-rc.1");
        await env.ScanNowAsync("web");
        var past = await env.WaitForAutomationAsync("release", a => a.Status?.LastPushCommit != commit && a.Status?.LastPushCommit is not null, "a second push");

        Assert.Empty(past.Status!.Holds);
        Assert.Equal(Deployment("1.2.0"), await repo.OriginAsync("show", "main:apps/web/deploy.yaml"));
        Assert.Equal(revert, await repo.OriginAsync("rev-parse", "main~1"));
        await env.WaitForDeployedImageAsync("web", "web", env.Image("shop/web:1.2.0"));
        var scrape = await Scrape.FromAsync(env.HttpAddress);
        Assert.True(scrape.Value("gitops_image_releases_total") >= 2, scrape.Text);
        output.WriteLine(await env.KubectlAsync("get", "imgauto", "-n", ReleaseCluster.Namespace));
    }

    [Fact]
    public async Task A_persons_commit_racing_a_release_and_the_release_both_land()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/race", "1.0.0", "1.1.0");
        var repo = await env.CreateRepoAsync("race", ("apps/deploy.yaml", Deployment("1.0.0", "race")), ("apps/notes.txt", "first notes\n"));
        var person = await repo.Person.CommitAsync("A person's change", ("apps/notes.txt", "second notes\n"));
        await repo.Person.PushToAsync("person");
        // The person's commit lands on main while the release's push is in flight: the release's ref update then fails.
        await repo.InstallHookAsync("pre-receive", $"""
            #!/bin/sh
            [ -e "$GIT_DIR/raced" ] && exit 0
            touch "$GIT_DIR/raced"
            env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git update-ref refs/heads/main {person}
            """);
        await env.CreateImageAsync("race", "shop/race", ">=1.0.0");
        await env.ApplyAsync(Source("race", repo.Url, "ref: { branch: main }"));

        await env.ApplyAsync(Automation("race", "race", ""));
        var released = await env.WaitForAutomationAsync("race", a => a.Status?.LastPushCommit is not null, "a push");

        var commit = released.Status!.LastPushCommit!;
        Assert.Equal(commit, await repo.OriginAsync("rev-parse", "main"));
        Assert.Equal(person, await repo.OriginAsync("rev-parse", "main~1"));
        Assert.Equal("second notes\n", await repo.OriginAsync("show", "main:apps/notes.txt") + "\n");
        Assert.Equal(Deployment("1.1.0", "race"), await repo.OriginAsync("show", "main:apps/deploy.yaml"));
    }

    [Fact]
    public async Task A_broken_marker_is_MarkerInvalid_naming_file_and_line_and_the_valid_markers_are_still_released()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/mixed", "1.0.0", "1.1.0");
        const string broken = """
            settings:
              image: # {"$imagepolicy": "gitops-system:mixed"}
                repository: somewhere
            """;
        var repo = await env.CreateRepoAsync("mixed", ("apps/good.yaml", Deployment("1.0.0", "mixed")), ("apps/broken.yaml", broken));
        await env.CreateImageAsync("mixed", "shop/mixed", ">=1.0.0");
        await env.ApplyAsync(Source("mixed", repo.Url, "ref: { branch: main }"));

        await env.ApplyAsync(Automation("mixed", "mixed", ""));
        var failed = await env.WaitForReasonAsync("mixed", Condition.False, Reasons.MarkerInvalid);

        Assert.Contains("apps/broken.yaml:2", ReleaseCluster.Ready(failed)!.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.Status!.LastPushCommit);
        Assert.Equal(Deployment("1.1.0", "mixed"), await repo.OriginAsync("show", "main:apps/good.yaml"));
        Assert.Equal(broken, await repo.OriginAsync("show", "main:apps/broken.yaml"));
    }

    [Fact]
    public async Task A_push_refused_by_a_hook_is_GitOperationFailed_quoting_the_server_and_writes_nothing()
    {
        await env.Pusher.PushAsync(env.Registry.Address, "shop/guarded", "1.0.0", "1.1.0");
        var repo = await env.CreateRepoAsync("guarded", ("apps/deploy.yaml", Deployment("1.0.0", "guarded")));
        var before = await repo.OriginAsync("rev-parse", "main");
        await repo.InstallHookAsync("pre-receive", "#!/bin/sh\necho 'main is a protected branch' >&2\nexit 1\n");
        await env.CreateImageAsync("guarded", "shop/guarded", ">=1.0.0");
        await env.ApplyAsync(Source("guarded", repo.Url, "ref: { branch: main }"));

        await env.ApplyAsync(Automation("guarded", "guarded", ""));
        var failed = await env.WaitForReasonAsync("guarded", Condition.False, Reasons.GitOperationFailed);

        Assert.Contains("main is a protected branch", ReleaseCluster.Ready(failed)!.Message, StringComparison.Ordinal);
        Assert.Null(failed.Status!.LastPushCommit);
        Assert.Equal(before, await repo.OriginAsync("rev-parse", "main"));
    }

    [Fact]
    public async Task A_tag_following_source_without_checkout_branch_and_a_verifying_source_without_signing_key_are_InvalidSpec()
    {
        await env.ApplyAsync(Source("tagged", "git://127.0.0.1:1/tagged.git", "ref: { tag: v1.0.0 }"));
        await env.ApplyAsync(Source("verified", "git://127.0.0.1:1/verified.git", "ref: { branch: main }\n  verify: { mode: HEAD, secretRef: { name: trusted-keys } }"));

        await env.ApplyAsync(Automation("tagged", "tagged", ""));
        await env.ApplyAsync(Automation("verified", "verified", ""));
        var tagged = await env.WaitForReasonAsync("tagged", Condition.False, Reasons.InvalidSpec);
        var verified = await env.WaitForReasonAsync("verified", Condition.False, Reasons.InvalidSpec);

        Assert.Contains("spec.git.checkout.branch", ReleaseCluster.Ready(tagged)!.Message, StringComparison.Ordinal);
        Assert.Contains("spec.git.commit.signingKey", ReleaseCluster.Ready(verified)!.Message, StringComparison.Ordinal);
        Assert.True(tagged.Status!.Conditions.IsTrue(ConditionTypes.Stalled) && verified.Status!.Conditions.IsTrue(ConditionTypes.Stalled), "only a spec change helps");
    }

    [Fact]
    public async Task A_verifying_source_gets_releases_signed_with_a_key_it_trusts_and_refuses_to_be_automated_with_another()
    {
        var keys = new SigningKeys();
        await keys.InitializeAsync();
        try
        {
            await env.CreateSecretAsync("trusted-keys", keys.TrustedSecretData.ToDictionary(k => k.Key, k => Encoding.ASCII.GetString(k.Value)));
            await env.CreateSecretAsync("signing-key", new Dictionary<string, string> { ["git.asc"] = await SecretKeyAsync(keys, keys.TrustedFingerprint) });
            await env.CreateSecretAsync("stranger-key", new Dictionary<string, string> { ["git.asc"] = await SecretKeyAsync(keys, keys.UntrustedFingerprint) });
            await env.Pusher.PushAsync(env.Registry.Address, "shop/signed", "1.0.0", "1.1.0");
            var repo = await env.CreateRepoAsync("signed", ("apps/deploy.yaml", Deployment("1.0.0", "signed")));
            await env.CreateImageAsync("signed", "shop/signed", ">=1.0.0");
            await env.ApplyAsync(Source("signed", repo.Url, "ref: { branch: main }\n  verify: { mode: HEAD, secretRef: { name: trusted-keys } }"));

            await env.ApplyAsync(Automation("stranger", "signed", "git: { commit: { signingKey: { secretRef: { name: stranger-key } } } }"));
            await env.ApplyAsync(Automation("signed", "signed", "git: { commit: { signingKey: { secretRef: { name: signing-key } } } }"));
            var refused = await env.WaitForReasonAsync("stranger", Condition.False, Reasons.InvalidSpec);
            var released = await env.WaitForAutomationAsync("signed", a => a.Status?.LastPushCommit is not null, "a push");

            Assert.Contains("does not trust the signing key", ReleaseCluster.Ready(refused)!.Message, StringComparison.Ordinal);
            var commit = released.Status!.LastPushCommit!;
            await Eventually.ValueAsync(
                () => env.Client.CustomObjects.GetNamespacedCustomObjectAsync<GitRepository>(
                    GitOpsApi.Group, GitOpsApi.Version, ReleaseCluster.Namespace, GitOpsApi.GitRepositoryPlural, "signed"),
                r => r.Status?.Artifact?.Revision == $"main@sha1:{commit}", "GitRepository signed verified the release", r => KubernetesJson.Serialize(r.Status));
        }
        finally
        {
            await keys.DisposeAsync();
        }
    }

    private static Task<string> SecretKeyAsync(SigningKeys keys, string fingerprint) =>
        global::GitOpsOperator.Source.Tests.Fixtures.Cli.RunAsync("gpg", ["--batch", "--armor", "--export-secret-keys", fingerprint], keys.Environment);

    private string Deployment(string tag, string name = "web") => $$"""
        # The {{name}} workload; the image is released by the operator.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: web
        spec:
          replicas: 1
          selector:
            matchLabels: { app: {{name}} }
          template:
            metadata:
              labels: { app: {{name}} }
            spec:
              containers:
                - name: {{name}}
                  image: "{{env.Image($"shop/{name}")}}:{{tag}}"   {{Marker.Replace("web", name, StringComparison.Ordinal)}}
                  args: ['--port', "8080"]  # quoted both ways
        """;

    private static string NamespaceYaml(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n";

    private static string Source(string name, string url, string refLines) => $"""
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitRepository
        metadata: {"{"} name: {name}, namespace: {ReleaseCluster.Namespace} {"}"}
        spec:
          url: {url}
          {refLines}
          interval: 1h
        """;

    private static string Sync(string name, string source, string path) => $"""
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitSync
        metadata: {"{"} name: {name}, namespace: {ReleaseCluster.Namespace} {"}"}
        spec:
          sourceRef: {"{"} kind: GitRepository, name: {source} {"}"}
          path: {path}
        """;

    private static string Automation(string name, string source, string specLines) => $"""
        apiVersion: gitops.operator.io/v1alpha1
        kind: ImageUpdateAutomation
        metadata: {"{"} name: {name}, namespace: {ReleaseCluster.Namespace} {"}"}
        spec:
          sourceRef: {"{"} kind: GitRepository, name: {source} {"}"}
          interval: 1h
          {specLines}
        """;
}
