using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

public class KustomizeTests
{
    [Fact]
    public async Task Overlay_renders_base_with_patches_generator_namespace_and_common_labels()
    {
        using var repo = new TestRepo().WithFixture("kustomize");

        var result = await repo.RenderAsync("overlays/prod", targetNamespace: null);

        Assert.True(result.Outcome == RenderOutcome.Rendered, string.Join("\n", result.Errors));
        var byKind = result.Objects.ToDictionary(o => o.Identity.Kind);
        Assert.Equal(["ConfigMap", "Deployment", "Service"], byKind.Keys.Order());
        Assert.All(result.Objects, o => Assert.Equal("prod", o.Identity.Namespace));
        Assert.All(result.Objects, o => Assert.Equal("prod", o.Json["metadata"]!["labels"]!["env"]!.GetValue<string>()));

        var deployment = byKind["Deployment"].Json;
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(8443, byKind["Service"].Json["spec"]!["ports"]![0]!["port"]!.GetValue<long>());

        var configMap = byKind["ConfigMap"];
        Assert.Matches("^web-config-[a-z0-9]{10}$", configMap.Identity.Name);
        Assert.Equal("yes", configMap.Json["data"]!["ENABLED"]!.GetValue<string>());
        var reference = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["envFrom"]![0]!["configMapRef"]!["name"]!;
        Assert.Equal(configMap.Identity.Name, reference.GetValue<string>());
    }

    [Fact]
    public async Task Kustomized_objects_name_the_kustomization_file_without_a_line()
    {
        using var repo = new TestRepo().WithFixture("kustomize");

        var result = await repo.RenderAsync("overlays/prod");

        Assert.All(result.Objects, o => Assert.Equal(new SourceLocation("overlays/prod/kustomization.yaml", null, null, o.Source.DocumentIndex), o.Source));
    }

    [Fact]
    public async Task Input_paths_cover_every_directory_the_build_reads()
    {
        using var repo = new TestRepo().WithFixture("kustomize");

        var result = await repo.RenderAsync("overlays/prod");

        Assert.Equal(["base", "overlays/prod"], result.InputPaths);
    }

    [Fact]
    public async Task Validation_applies_to_kustomize_output()
    {
        using var repo = new TestRepo()
            .With("app/kustomization.yaml", "resources:\n  - deploy.yaml\n")
            .With("app/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");

        var result = await repo.RenderAsync("app", targetNamespace: null);

        var error = Assert.Single(result.Errors);
        Assert.Equal("app/kustomization.yaml", error.Location?.ToString());
        Assert.Equal("Deployment/web", error.Object);
        Assert.StartsWith("namespace not specified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Kustomize_that_does_not_finish_in_time_fails_with_a_timeout()
    {
        using var repo = new TestRepo()
            .With("app/kustomization.yaml", "resources: []\n")
            .With("slow-kustomize.sh", "#!/bin/sh\nexec sleep 30\n");
        var script = Path.Combine(repo.Root, "slow-kustomize.sh");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var options = new ManifestOptions { KustomizeCommand = [script], KustomizeTimeout = TimeSpan.FromSeconds(1) };

        var result = await repo.RenderAsync("app", options: options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("app/kustomization.yaml", error.Location?.ToString());
        Assert.Equal("kustomize did not finish within 1 seconds", error.Message);
    }

    [Fact]
    public async Task Missing_kustomize_binary_is_reported()
    {
        using var repo = new TestRepo().With("app/kustomization.yaml", "resources: []\n");
        var options = new ManifestOptions { KustomizeCommand = ["/nonexistent/kustomize", "build"] };

        var result = await repo.RenderAsync("app", options: options);

        Assert.StartsWith("cannot run kustomize (/nonexistent/kustomize build)", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kustomize_build_error_names_the_kustomization_and_hides_the_export_path()
    {
        using var repo = new TestRepo().With("app/kustomization.yaml", "resources:\n  - missing.yaml\n").With("app/missing.yaml", "a: [\n");

        var result = await repo.RenderAsync("app");

        var error = Assert.Single(result.Errors);
        Assert.Equal("app/kustomization.yaml", error.Location?.ToString());
        Assert.StartsWith("kustomize build failed:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(repo.Root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kustomize_output_is_typed_by_kubectl_rules()
    {
        using var repo = new TestRepo()
            .With("app/kustomization.yaml", "resources:\n  - cm.yaml\n")
            .With("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: apps\n  annotations:\n    quoted: 'on'\n");

        var result = await repo.RenderAsync("app");

        var annotations = Assert.Single(result.Objects).Json["metadata"]!["annotations"]!;
        Assert.True(JsonNode.DeepEquals(JsonValue.Create("on"), annotations["quoted"]));
    }
}
