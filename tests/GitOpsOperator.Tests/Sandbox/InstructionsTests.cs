using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Sandbox;

namespace GitOpsOperator.Tests.Sandbox;

public sealed class InstructionsTests
{
    private static readonly SandboxLayout Layout = SandboxLayout.In("/home/user/project");

    private static string Render(GitSync sync, string? image = null) =>
        Instructions.Render(Layout, "http://127.0.0.1:6443", "git://127.0.0.1:9418/config.git", new Uri("http://127.0.0.1:8080/"), sync, image);

    [Fact]
    public void A_ready_sync_is_reported_with_its_revision_and_the_commands_use_paths_relative_to_where_the_sandbox_runs()
    {
        var text = Render(GitSyncReadinessTests.Sync(Condition.True, Reasons.Succeeded, "applied", "main@sha1:abc"));

        Assert.Contains("GitSync gitops-system/demo is Ready at main@sha1:abc.", text);
        Assert.Contains("kubectl --kubeconfig .sandbox/kubeconfig get gitsyncs,gitrepositories -A", text);
        Assert.Contains("cd .sandbox/config && git commit -am", text);
        Assert.Contains("git revert HEAD && git push", text);
        Assert.Contains("dotnet tool install --global --add-source .sandbox/tool GitOpsOperator.Cli", text);
        Assert.Contains("kubectl gitops reconcile gitsync demo -n gitops-system --with-source", text);
    }

    [Fact]
    public void A_failed_sync_is_reported_with_its_reason_and_message()
    {
        var text = Render(GitSyncReadinessTests.Sync(Condition.False, Reasons.BuildFailed, "apps/demo/configmap.yaml:7: mapping values are not allowed here", "main@sha1:abc"));

        Assert.Contains("GitSync gitops-system/demo is NOT Ready (BuildFailed): apps/demo/configmap.yaml:7: mapping values are not allowed here", text);
        Assert.DoesNotContain("is Ready at", text);
    }

    [Fact]
    public void With_a_local_registry_the_image_release_is_one_more_thing_to_try_and_without_it_what_to_install()
    {
        var ready = GitSyncReadinessTests.Sync(Condition.True, Reasons.Succeeded, "applied", "main@sha1:abc");

        var withRegistry = Render(ready, "127.0.0.1:5000/demo/web");
        var without = Render(ready);

        Assert.Contains(
            "skopeo --insecure-policy copy --dest-tls-verify=false oci:.sandbox/images:base docker://127.0.0.1:5000/demo/web:1.1.0", withRegistry);
        Assert.Contains("cd .sandbox/config && git pull && git show HEAD", withRegistry);
        Assert.Contains("kubectl --kubeconfig .sandbox/kubeconfig rollout status deployment/demo -n demo", withRegistry);
        Assert.Contains("git revert --no-edit HEAD && git push", withRegistry);
        Assert.Contains(
            "  5. Release images from a registry: install docker-registry, skopeo, umoci (apt-get install docker-registry skopeo umoci) and start the sandbox again.\n",
            without);
    }
}
