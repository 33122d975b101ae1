namespace KubeEmulator.Tests;

/// <summary>The real kubectl, with default flags, against a whole emulated cluster: the API documents wired into the server.</summary>
public sealed class ApiKubectlClusterTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: { name: shop }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: settings, namespace: shop }
        data: { mode: fast }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web, namespace: shop }
        spec:
          replicas: 2
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports: [ { containerPort: 80 } ]
                env: [ { name: MODE, value: fast } ]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: shop }
        spec:
          selector: { app: web }
          ports: [ { port: 80 } ]
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: { name: gadgets.example.com }
        spec:
          group: example.com
          scope: Namespaced
          names: { plural: gadgets, singular: gadget, kind: Gadget, shortNames: [gd] }
          versions:
          - name: v1
            served: true
            storage: true
            additionalPrinterColumns:
            - { name: URL, type: string, jsonPath: .spec.url }
            - { name: Age, type: date, jsonPath: .metadata.creationTimestamp }
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      url: { type: string }
        """;

    private const string Gadget = """
        apiVersion: example.com/v1
        kind: Gadget
        metadata: { name: g1, namespace: shop }
        spec: { url: "https://example.com" }
        """;

    [Fact]
    public async Task Client_side_apply_of_mixed_manifests_then_again_reports_unchanged()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var kubectl = new ApiKubectl(cluster.Url);
        var file = kubectl.WriteFile("all.yaml", Manifests);

        var first = await kubectl.RunAsync("apply", "-f", file);
        var second = await kubectl.RunAsync("apply", "-f", file);

        Assert.True(first.ExitCode == 0 && first.Stderr.Length == 0, first.Stderr);
        Assert.Contains("deployment.apps/web created", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/gadgets.example.com created", first.Stdout, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0 && second.Stderr.Length == 0, second.Stderr);
        Assert.Equal(5, second.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(" unchanged", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Custom_resources_validate_apply_and_print_their_columns()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var kubectl = new ApiKubectl(cluster.Url);
        var setup = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("all.yaml", Manifests));
        Assert.True(setup.ExitCode == 0, setup.Stderr);

        var applied = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("gadget.yaml", Gadget));
        var reapplied = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("gadget2.yaml", Gadget.Replace("example.com\"", "example.org\"", StringComparison.Ordinal)));
        var listed = await kubectl.RunAsync("get", "gd", "-n", "shop");

        Assert.True(applied.ExitCode == 0 && applied.Stderr.Length == 0, applied.Stderr);
        Assert.True(reapplied.ExitCode == 0 && reapplied.Stderr.Length == 0, reapplied.Stderr);
        Assert.Equal("gadget.example.com/g1 configured\n", reapplied.Stdout);
        var lines = listed.Stdout.TrimEnd().Split('\n');
        Assert.Equal(["NAME", "URL", "AGE"], Columns(lines[0]));
        Assert.Equal("g1", Columns(lines[1])[0]);
        Assert.Equal("https://example.org", Columns(lines[1])[1]);
    }

    [Fact]
    public async Task Get_prints_the_usual_columns_of_built_in_kinds()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var kubectl = new ApiKubectl(cluster.Url);
        var setup = await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("all.yaml", Manifests));
        Assert.True(setup.ExitCode == 0, setup.Stderr);

        var deployments = await kubectl.RunAsync("get", "deployments", "-n", "shop");
        var services = await kubectl.RunAsync("get", "services", "-n", "shop");
        var configMaps = await kubectl.RunAsync("get", "cm", "settings", "-n", "shop");
        var namespaces = await kubectl.RunAsync("get", "ns", "shop");
        var wide = await kubectl.RunAsync("get", "deployments", "-A", "-o", "wide");
        var crds = await kubectl.RunAsync("get", "crd", "gadgets.example.com");

        Assert.Equal(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], Columns(deployments.Stdout.Split('\n')[0]));
        Assert.Equal("web", Columns(deployments.Stdout.Split('\n')[1])[0]);
        Assert.Equal(["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], Columns(services.Stdout.Split('\n')[0]));
        Assert.Equal(["web", "ClusterIP"], Columns(services.Stdout.Split('\n')[1])[..2]);
        Assert.Equal("80/TCP", Columns(services.Stdout.Split('\n')[1])[4]);
        Assert.Equal(["settings", "1"], Columns(configMaps.Stdout.Split('\n')[1])[..2]);
        Assert.Equal(["shop", "Active"], Columns(namespaces.Stdout.Split('\n')[1])[..2]);
        Assert.Equal(["NAMESPACE", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], Columns(wide.Stdout.Split('\n')[0]));
        Assert.Equal(["shop", "web"], Columns(wide.Stdout.Split('\n')[1])[..2]);
        Assert.Equal(["web", "nginx:1.27", "app=web"], Columns(wide.Stdout.Split('\n')[1])[^3..]);
        Assert.Equal(["NAME", "CREATED", "AT"], Columns(crds.Stdout.Split('\n')[0]));
        Assert.Matches(@"^gadgets\.example\.com\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", crds.Stdout.Split('\n')[1]);
    }

    [Fact]
    public async Task Server_side_diff_shows_a_change_and_exits_1_and_exits_0_when_nothing_changed()
    {
        const string mode = "--server-side";
        await using var cluster = await EmulatedCluster.StartAsync(WithoutControllers);
        using var kubectl = new ApiKubectl(cluster.Url);
        var file = kubectl.WriteFile("all.yaml", Manifests);
        var setup = await kubectl.RunAsync("apply", mode, "-f", file);
        Assert.True(setup.ExitCode == 0, setup.Stderr);

        var same = await kubectl.RunAsync("diff", mode, "-f", file);
        var changed = await kubectl.RunAsync("diff", mode, "-f", kubectl.WriteFile("changed.yaml", Manifests.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal)));

        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        Assert.True(changed.ExitCode == 1, changed.Stdout + changed.Stderr);
        Assert.Contains("-  replicas: 2", changed.Stdout, StringComparison.Ordinal);
        Assert.Contains("+  replicas: 3", changed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_field_is_refused_the_way_the_real_server_refuses_it()
    {
        await using var cluster = await EmulatedCluster.StartAsync();
        using var kubectl = new ApiKubectl(cluster.Url);
        var file = kubectl.WriteFile("bad.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: bad, namespace: default }
            data: { a: b }
            foo: bar
            """);

        var (exitCode, _, stderr) = await kubectl.RunAsync("apply", "-f", file);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unknown field \"foo\"", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(27)]
    [InlineData(28)]
    public async Task Kubectl_before_1_29_validates_a_List_file_with_the_protobuf_openapi_and_gets_it_back(int minor)
    {
        await using var cluster = await EmulatedCluster.StartAsync(WithoutControllers);
        using var kubectl = new ApiKubectl(cluster.Url, ApiKubectl.Version(minor));
        var file = kubectl.WriteFile("list.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: { name: settings, namespace: default }
              data: { mode: fast }
            - apiVersion: apps/v1
              kind: Deployment
              metadata: { name: web, namespace: default }
              spec:
                selector: { matchLabels: { app: web } }
                template:
                  metadata: { labels: { app: web } }
                  spec: { containers: [ { name: web, image: nginx } ] }
            """);

        var applied = await kubectl.RunAsync("apply", "-f", file);
        var listed = await kubectl.RunAsync("get", "configmap,deployment", "-o", "name");

        Assert.True(applied.ExitCode == 0 && applied.Stderr.Length == 0, applied.Stderr);
        Assert.Equal("configmap/settings created\ndeployment.apps/web created\n", applied.Stdout);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Contains("configmap/settings", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_side_apply_over_a_created_object_reports_the_conflict_as_the_real_server_words_it()
    {
        await using var cluster = await EmulatedCluster.StartAsync(WithoutControllers);
        using var kubectl = new ApiKubectl(cluster.Url);
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: default }
            spec:
              replicas: 2
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec: { containers: [ { name: web, image: nginx } ] }
            """;
        var setup = await kubectl.RunAsync("create", "-f", kubectl.WriteFile("created.yaml", deployment));
        Assert.True(setup.ExitCode == 0, setup.Stderr);

        var (exitCode, _, stderr) = await kubectl.RunAsync("apply", "--server-side", "-f",
            kubectl.WriteFile("server.yaml", deployment.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("conflict with \"kubectl-create\" using apps/v1: .spec.replicas", stderr, StringComparison.Ordinal);
    }

    private static EmulatorOptions WithoutControllers { get; } = new() { Controllers = new KubeEmulator.Controllers.ControllerOptions { Enabled = false } };

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
