namespace KubeEmulator.Tests;

/// <summary>
/// Older and newer kubectl beside the one on PATH: 1.27 and 1.28 validate and explain with the protobuf
/// /openapi/v2 and discover without aggregated discovery; later ones use /openapi/v3.
/// </summary>
public sealed class ApiKubectlVersionsTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: default }
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec: { containers: [ { name: web, image: IMAGE } ] }
        """;

    [Theory]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(30)]
    [InlineData(33)]
    public async Task Kubectl_version_validates_applies_and_explains_with_default_flags(int minor)
    {
        await using var server = ApiTestServer.Start();
        using var kubectl = new ApiKubectl(server.Url, ApiKubectl.Version(minor));

        var dryRun = await kubectl.RunAsync("create", "--dry-run=client", "-o", "name", "-f", kubectl.WriteFile("a.yaml", Deployment.Replace("IMAGE", "nginx:1", StringComparison.Ordinal)));
        var created = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("b.yaml", Deployment.Replace("IMAGE", "nginx:1", StringComparison.Ordinal)));
        var configured = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("c.yaml", Deployment.Replace("IMAGE", "nginx:2", StringComparison.Ordinal)));
        var explained = await kubectl.RunAsync("explain", "deployment.spec.replicas");

        Assert.True(dryRun.ExitCode == 0 && dryRun.Stderr.Length == 0, dryRun.Stderr);
        Assert.Equal("deployment.apps/web\n", dryRun.Stdout);
        Assert.True(created.ExitCode == 0 && created.Stderr.Length == 0, created.Stderr);
        Assert.Equal("deployment.apps/web created\n", created.Stdout);
        Assert.True(configured.ExitCode == 0 && configured.Stderr.Length == 0, configured.Stderr);
        Assert.Equal("deployment.apps/web configured\n", configured.Stdout);
        Assert.Contains(server.Requests, r => r.StartsWith("POST /apis/apps/v1/namespaces/default/deployments?", StringComparison.Ordinal) && r.Contains("fieldValidation=Strict", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.StartsWith("PATCH /apis/apps/v1/namespaces/default/deployments/web?", StringComparison.Ordinal) && r.EndsWith("[application/strategic-merge-patch+json]", StringComparison.Ordinal));
        Assert.True(explained.ExitCode == 0, explained.Stderr);
        Assert.Contains("replicas", explained.Stdout, StringComparison.Ordinal);
        Assert.Contains("<integer>", explained.Stdout, StringComparison.Ordinal);
    }
}
