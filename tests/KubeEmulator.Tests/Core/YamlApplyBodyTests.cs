using System.Net;
using System.Text;
using k8s;

namespace KubeEmulator.Tests.Core;

/// <summary>Server-side apply with a YAML body, as kubectl sends it: read by the one YAML → JSON reader the manifests use.</summary>
public sealed class YamlApplyBodyTests
{
    private const string ApplyYaml = "application/apply-patch+yaml";

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, ApplyYaml);

    [Fact]
    public async Task Yaml_apply_body_keeps_quoted_scalars_and_block_text_as_written()
    {
        await using var cluster = await Quiet.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PatchAsync(
            $"{cluster.Url}/api/v1/namespaces/default/configmaps/typed?fieldManager=yaml-test",
            Yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: typed
                  namespace: default
                  labels:
                    tier: "3"
                data:
                  script: |
                    echo one
                    echo two
                  zip: "0123"
                  enabled: "true"
                """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var read = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("typed", "default");
        Assert.Equal("3", read.Metadata.Labels["tier"]);
        Assert.Equal("0123", read.Data["zip"]);
        Assert.Equal("true", read.Data["enabled"]);
        Assert.Equal("echo one\necho two\n", read.Data["script"]);
    }

    [Fact]
    public async Task Yaml_apply_body_that_does_not_parse_is_a_bad_request()
    {
        await using var cluster = await Quiet.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PatchAsync(
            $"{cluster.Url}/api/v1/namespaces/default/configmaps/broken?fieldManager=yaml-test",
            Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the body of the request could not be decoded", await response.Content.ReadAsStringAsync());
    }
}
