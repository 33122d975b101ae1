namespace KubeEmulator.Tests;

/// <summary>Client-side kubectl apply reads the OpenAPI v3 patch metadata to build its strategic merge patch.</summary>
public sealed class ApiKubectlApplyTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: default }
        spec:
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
              containers:
              - name: web
                image: IMAGE
                env: [ { name: A, value: "1" } ]
                ports: [ { containerPort: 80 } ]
              - name: sidecar
                image: busybox
        """;

    [Fact]
    public async Task Reapply_of_a_changed_deployment_sends_a_strategic_merge_patch_keyed_by_container_name()
    {
        await using var server = ApiTestServer.Start();
        using var kubectl = new ApiKubectl(server.Url);
        var first = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("v1.yaml", Deployment.Replace("IMAGE", "nginx:1.26", StringComparison.Ordinal)));
        Assert.True(first.ExitCode == 0, first.Stderr);

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("v2.yaml", Deployment.Replace("IMAGE", "nginx:1.27", StringComparison.Ordinal)));

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Equal("deployment.apps/web configured\n", stdout);
        Assert.Contains(server.Requests, r => r.StartsWith("PATCH /apis/apps/v1/namespaces/default/deployments/web?", StringComparison.Ordinal) && r.EndsWith("[application/strategic-merge-patch+json]", StringComparison.Ordinal));
        var patch = Assert.Single(server.Patches);
        Assert.Contains("\"$setElementOrder/containers\":[{\"name\":\"web\"},{\"name\":\"sidecar\"}]", patch, StringComparison.Ordinal);
        Assert.Contains("{\"image\":\"nginx:1.27\",\"name\":\"web\"}", patch, StringComparison.Ordinal);
    }
}
