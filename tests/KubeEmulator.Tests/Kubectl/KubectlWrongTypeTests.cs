using System.Text.Json.Nodes;

namespace KubeEmulator.Tests.Kubectl;

/// <summary>
/// A built-in object holding a value of the wrong type is refused on every verb, with what the real kubectl prints
/// against a real server (--validate=false, so the request reaches the server).
/// </summary>
public sealed class KubectlWrongTypeTests(KubectlSessionFixture fixture) : IClassFixture<KubectlSessionFixture>
{
    private const string ReplicasDecodeError = "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32";
    private const string DataDecodeError = "json: cannot unmarshal number into Go struct field ConfigMap.data of type string";

    private KubectlSession Session => fixture.Session;

    public static TheoryData<string> WritingVerbs => new() { "create", "apply --dry-run=server", "replace" };

    [Theory]
    [MemberData(nameof(WritingVerbs))]
    public async Task Deployment_with_replicas_lots_is_a_bad_request(string verb)
    {
        var name = await ExistingDeploymentAsync(verb == "replace");
        var path = Session.WriteManifest(Deployment(name, "lots"));

        var result = await Session.Kubectl.RunAsync([.. verb.Split(' '), "--validate=false", "-f", path]);

        var action = verb == "replace" ? "replacing" : "creating";
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error from server (BadRequest): error when {action} \"{path}\": Deployment in version \"v1\" cannot be handled as a Deployment: {ReplicasDecodeError}\n", result.Stderr);
        await AssertReplicasAsync(name, verb == "replace" ? "1" : null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--dry-run=server")]
    public async Task Server_side_apply_of_replicas_lots_fails_the_typed_conversion(string dryRun)
    {
        var name = $"ssa{dryRun.Length}";
        var path = Session.WriteManifest(Deployment(name, "lots"));

        var result = await Session.Kubectl.RunAsync([.. new[] { "apply", "--server-side", "--validate=false", dryRun }.Where(a => a.Length > 0), "-f", path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error from server: failed to create typed patch object (default/{name}; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string\n", result.Stderr);
        await AssertReplicasAsync(name, null);
    }

    [Fact]
    public async Task Strategic_merge_patch_of_replicas_lots_is_invalid()
    {
        var name = await ExistingDeploymentAsync(true);

        var result = await Session.Kubectl.RunAsync("patch", "deployment", name, "-p", """{"spec":{"replicas":"lots"}}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("The request is invalid: patch: Invalid value: \"map[spec:map[replicas:lots]]\": unrecognized type: int32\n", result.Stderr);
        await AssertReplicasAsync(name, "1");
    }

    [Theory]
    [InlineData("merge", """{"spec":{"replicas":"lots"}}""")]
    [InlineData("json", """[{"op":"replace","path":"/spec/replicas","value":"lots"}]""")]
    public async Task Merge_and_json_patches_of_replicas_lots_are_invalid(string type, string patch)
    {
        var name = await ExistingDeploymentAsync(true);

        var result = await Session.Kubectl.RunAsync("patch", "deployment", name, "--type", type, "-p", patch);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The request is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"apps/v1\\\",\\\"kind\\\":\\\"Deployment\\\",", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\\\"replicas\\\":\\\"lots\\\"", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"}}\": {ReplicasDecodeError}\n", result.Stderr, StringComparison.Ordinal);
        await AssertReplicasAsync(name, "1");
    }

    [Theory]
    [InlineData("create", "")]
    [InlineData("apply", "--dry-run=server")]
    public async Task ConfigMap_with_a_number_as_data_value_is_a_bad_request(string verb, string dryRun)
    {
        var path = Session.WriteManifest(ConfigMap($"numbers-{verb}", "5"));

        var result = await Session.Kubectl.RunAsync([verb, .. new[] { dryRun }.Where(a => a.Length > 0), "--validate=false", "-f", path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error from server (BadRequest): error when creating \"{path}\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: {DataDecodeError}\n", result.Stderr);
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("true", "true")]
    [InlineData("{x: 1}", """map[string]interface {}{"x":1}""")]
    public async Task Server_side_apply_of_a_configmap_with_a_non_string_value_fails_the_typed_conversion(string value, string printed)
    {
        var name = $"ssa-data-{printed.Length}";
        var path = Session.WriteManifest(ConfigMap(name, value));

        var result = await Session.Kubectl.RunAsync("apply", "--server-side", "--validate=false", "-f", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error from server: failed to create typed patch object (default/{name}; /v1, Kind=ConfigMap): .data.a: expected string, got &value.valueUnstructured{{Value:{printed}}}\n", result.Stderr);
    }

    [Theory]
    [InlineData("strategic", """{"data":{"a":5}}""", "\"map[data:map[a:5]]\": cannot convert int64 to string")]
    [InlineData("strategic", """{"data":{"a":true}}""", "\"map[data:map[a:true]]\": unrecognized type: string")]
    [InlineData("merge", """{"data":{"a":5}}""", DataDecodeError)]
    public async Task Patching_a_configmap_value_to_a_non_string_is_invalid(string type, string patch, string ending)
    {
        var name = $"patched-{type}-{patch.Length}";
        await Session.MustRunAsync("create", "configmap", name, "--from-literal=a=1");

        var result = await Session.Kubectl.RunAsync("patch", "configmap", name, "--type", type, "-p", patch);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The request is invalid: patch: Invalid value: ", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith(ending + "\n", result.Stderr, StringComparison.Ordinal);
        var data = await Session.MustRunAsync("get", "configmap", name, "-o", "jsonpath={.data.a}");
        Assert.Equal("1", data.Stdout);
    }

    [Fact]
    public async Task Server_side_apply_lists_every_wrong_value_at_its_path()
    {
        var path = Session.WriteManifest("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: many, namespace: default }
            spec:
              selector: { matchLabels: { app: many } }
              template:
                metadata: { labels: { app: many } }
                spec:
                  hostNetwork: "yes"
                  containers:
                  - name: web
                    image: nginx
                    ports: [ { containerPort: http } ]
            """);

        var result = await Session.Kubectl.RunAsync("apply", "--server-side", "--validate=false", "-f", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("""
            Error from server: failed to create typed patch object (default/many; apps/v1, Kind=Deployment): errors:
              .spec.template.spec.containers[name="web"].ports[containerPort="http",protocol="TCP"].containerPort: expected numeric (int or float), got string
              .spec.template.spec.hostNetwork: expected boolean, got &{yes}

            """.Replace("\r", "", StringComparison.Ordinal), result.Stderr);
    }

    private async Task<string> ExistingDeploymentAsync(bool create)
    {
        var name = "web-" + Guid.NewGuid().ToString("N")[..8];
        if (create)
        {
            await Session.MustRunAsync("apply", "--server-side", "-f", Session.WriteManifest(Deployment(name, "1")));
        }

        return name;
    }

    private async Task AssertReplicasAsync(string name, string? expected)
    {
        var result = await Session.Kubectl.RunAsync("get", "deployment", name, "-o", "jsonpath={.spec.replicas}", "--ignore-not-found");
        Assert.Equal(expected ?? "", result.Stdout);
    }

    private static string Deployment(string name, string replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: {{name}}, namespace: default }
        spec:
          replicas: {{replicas}}
          selector: { matchLabels: { app: {{name}} } }
          template:
            metadata: { labels: { app: {{name}} } }
            spec:
              containers:
              - name: web
                image: nginx
        """;

    private static string ConfigMap(string name, string value) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: {{name}}, namespace: default }
        data: { a: {{value}} }
        """;
}
