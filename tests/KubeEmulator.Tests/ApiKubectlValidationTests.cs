using KubeEmulator.Api;

namespace KubeEmulator.Tests;

/// <summary>kubectl's default --validate=strict against the generated OpenAPI: it must find every kind and leave unknown fields to the server.</summary>
public sealed class ApiKubectlValidationTests
{
    [Fact]
    public async Task Client_dry_run_create_validates_every_built_in_kind_without_errors()
    {
        await using var server = ApiTestServer.Start();
        using var kubectl = new ApiKubectl(server.Url);
        var manifests = string.Join("---\n", BuiltInResources.All.Select(t =>
            $"apiVersion: {t.ApiVersion}\nkind: {t.Kind}\nmetadata:\n  name: sample-{t.Singular}\n{(t.Namespaced ? "  namespace: default\n" : "")}"));
        var file = kubectl.WriteFile("all.yaml", manifests);

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("create", "--dry-run=client", "-o", "name", "-f", file);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        foreach (var type in BuiltInResources.All)
        {
            var group = type.Group.Length == 0 ? "" : "." + type.Group;
            Assert.Contains($"{type.Kind.ToLowerInvariant()}{group}/sample-{type.Singular}\n", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_with_an_unknown_field_leaves_strict_validation_to_the_server()
    {
        await using var server = ApiTestServer.Start();
        using var kubectl = new ApiKubectl(server.Url);
        var file = kubectl.WriteFile("deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: default }
            spec:
              foo: bar
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [ { name: web, image: nginx } ] }
            """);

        var (exitCode, _, stderr) = await kubectl.RunAsync("create", "-f", file);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(server.Requests, r => r.StartsWith("POST /apis/apps/v1/namespaces/default/deployments?", StringComparison.Ordinal) && r.Contains("fieldValidation=Strict", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_documents_are_validated_client_side_from_the_v2_schema()
    {
        await using var server = ApiTestServer.Start();
        using var kubectl = new ApiKubectl(server.Url);
        const string List = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: { name: a, namespace: default }
              data: { k: v }
            - apiVersion: apps/v1
              kind: Deployment
              metadata: { name: b, namespace: default }
              spec:
                replicas: 2
                selector: { matchLabels: { app: b } }
                template:
                  metadata: { labels: { app: b } }
                  spec: { containers: [ { name: b, image: nginx, ports: [ { containerPort: 80 } ] } ] }
            """;

        var valid = await kubectl.RunAsync("create", "--dry-run=client", "-o", "name", "-f", kubectl.WriteFile("list.yaml", List));
        var invalid = await kubectl.RunAsync("create", "--dry-run=client", "-o", "name", "-f", kubectl.WriteFile("bad.yaml", List.Replace("replicas: 2", "replicas: 2\n    foo: bar", StringComparison.Ordinal)));

        Assert.True(valid.ExitCode == 0 && valid.Stderr.Length == 0, valid.Stderr);
        Assert.Equal("configmap/a\ndeployment.apps/b\n", valid.Stdout);
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("unknown field \"foo\"", invalid.Stderr, StringComparison.Ordinal);
    }
}
