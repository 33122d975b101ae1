namespace KubeEmulator.Tests;

/// <summary>The real kubectl, with default flags, against the API documents alone.</summary>
public sealed class ApiKubectlTests
{
    [Fact]
    public async Task Api_resources_lists_every_built_in_kind_with_short_names()
    {
        await using var server = ApiTestServer.Start();
        using var kubectl = new ApiKubectl(server.Url);

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("api-resources");

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => Columns(l) is ["deployments", "deploy", "apps/v1", "true", "Deployment"]);
        Assert.Contains(lines, l => Columns(l) is ["namespaces", "ns", "v1", "false", "Namespace"]);
        Assert.Contains(lines, l => Columns(l) is ["customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", "false", "CustomResourceDefinition"]);
        Assert.Contains(lines, l => Columns(l) is ["horizontalpodautoscalers", "hpa", "autoscaling/v2", "true", "HorizontalPodAutoscaler"]);
    }

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
